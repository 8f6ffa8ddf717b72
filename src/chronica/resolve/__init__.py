from . import aliases  # noqa: F401
from . import merge  # noqa: F401
from . import places  # noqa: F401
