"""The built-in web views, one module each; importing this package registers them
(``chronica.web.view_registry``) in the order their routes are added."""
from . import favicon  # noqa: F401
from . import overview  # noqa: F401
from . import timeline  # noqa: F401
from . import map_page  # noqa: F401
from . import graph  # noqa: F401
from . import conflicts  # noqa: F401
from . import documents  # noqa: F401
from . import entities  # noqa: F401
from . import search  # noqa: F401
from . import export  # noqa: F401
from . import ask  # noqa: F401
