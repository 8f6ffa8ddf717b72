"""One error family; the CLI maps each to an exit status in one place."""


class ChronicaError(Exception):
    exit_code = 1


class InputError(ChronicaError):
    """A source file cannot be read as a document (named in the message)."""


class ConfigError(ChronicaError):
    exit_code = 2


class StoreError(ChronicaError):
    exit_code = 3


class IncompleteError(ChronicaError):
    """The knowledge base was left half-built (a build was killed or failed)."""
    exit_code = 4
