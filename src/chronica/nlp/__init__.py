"""Language processing: parsing, segmentation, entity mentions."""
from . import parse  # noqa: F401
from . import segment  # noqa: F401
from . import reparse  # noqa: F401
from . import mentions  # noqa: F401
