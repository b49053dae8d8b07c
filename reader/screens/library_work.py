"""Thread workers that use the library. A database error (a full disk, a read-only or damaged
file) is the user's to fix and loses nothing, so it becomes a notification that says what to do
instead of ending the app; any other error is a bug and still ends it, with its traceback."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import work
from textual.worker import Worker, WorkerState

if TYPE_CHECKING:
    from reader.library import Library


def library_work(
    *, group: str, exclusive: bool = False
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``@work`` in a thread, its errors left to ``ReportsLibraryErrors``."""
    return work(thread=True, group=group, exclusive=exclusive, exit_on_error=False)


class ReportsLibraryErrors:
    """For screens (with a ``library``) whose workers are ``library_work``."""

    library: Library

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        error = event.worker.error
        if event.state is not WorkerState.ERROR or error is None:
            return
        message = self.library.describe_error(error)
        if message is None:
            raise error
        self.notify(message, severity="error", timeout=10)  # type: ignore[attr-defined]
