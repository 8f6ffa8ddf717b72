from . import relations  # noqa: F401
from . import described  # noqa: F401
from . import events  # noqa: F401
from . import claims  # noqa: F401
