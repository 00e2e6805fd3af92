"""The few exceptions the tool raises, each with its exit code and a message that says what
to do next. Only the CLI prints them.

    AuditError (exit 1)
    ├── UsageError (exit 2)            wrong arguments, a path that does not exist
    ├── ChecklistError (exit 3)        a checklist file that does not validate
    ├── DependencyError (exit 4)       Tesseract or its Dutch data missing
    └── DocumentError (not an exit)    one unreadable document: becomes Document.error

A ``DocumentError`` never stops a dossier or a batch: the reader turns it into a message on
that document (see ``audit.ingest``) and the rest goes on.
"""
from __future__ import annotations


class AuditError(Exception):
    exit_code = 1


class UsageError(AuditError):
    exit_code = 2


class ChecklistError(AuditError):
    exit_code = 3


class DependencyError(AuditError):
    exit_code = 4


class DocumentError(AuditError):
    """One document cannot be read (fully). ``code`` is stable, ``message`` is Dutch."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message
