"""How often one client may be refused before it must wait: the guard against guessing tokens.

Pure and clock-injected (``now`` in seconds), so the rule is tested without waiting.
"""
from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field


@dataclass
class FailureLimit:
    """At most ``limit`` refusals per client address in ``window`` seconds; past that, the
    address is refused without checking until the oldest refusal leaves the window."""

    limit: int = 5
    window: float = 600.0
    _failures: dict[str, deque] = field(default_factory=lambda: defaultdict(deque))

    def _recent(self, address: str, now: float) -> deque:
        times = self._failures[address]
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def wait(self, address: str, now: float) -> float:
        """Seconds ``address`` must wait before its next try is checked; 0 when it may try."""
        times = self._recent(address, now)
        if len(times) < self.limit:
            if not times:
                self._failures.pop(address, None)  # forget quiet clients: the table stays small
            return 0.0
        return times[0] + self.window - now

    def failed(self, address: str, now: float) -> bool:
        """Count a refusal; True when it is the one that reaches the limit."""
        times = self._recent(address, now)
        times.append(now)
        return len(times) == self.limit
