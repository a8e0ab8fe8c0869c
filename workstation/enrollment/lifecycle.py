"""The states of an application (hồ sơ) and the transitions between them, as data.

``draft → verified → captured → confirmed → submitted → card_arrived → handed_over``; any open
application can be ``rejected`` (by a leader) or ``cancelled``. A verified application that is
edited goes back to ``draft`` (its data must be checked again).
"""

from __future__ import annotations

from dataclasses import dataclass

from models.applications import OPEN_STATES


@dataclass(frozen=True)
class Transition:
    """One action: the states it starts from, where it leads, and the permission it needs."""

    action: str
    sources: tuple[str, ...]
    target: str
    permission: str


TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        Transition("reopen", ("verified",), "draft", "application.edit"),
        Transition("verify", ("draft",), "verified", "application.verify"),
        # The permission is biometrics.capture when anything must be captured (see service).
        Transition("complete_capture", ("verified",), "captured", "application.edit"),
        Transition("confirm", ("captured",), "confirmed", "application.confirm"),
        Transition("submit", ("confirmed",), "submitted", "application.submit"),
        Transition("card_arrived", ("submitted",), "card_arrived", "card.handover"),
        Transition("hand_over", ("card_arrived",), "handed_over", "card.handover"),
        Transition("reject", OPEN_STATES, "rejected", "application.reject"),
        Transition("cancel", OPEN_STATES, "cancelled", "application.cancel"),
    )
}

#: The step of the counter's work each state waits for (what the worklist shows as "next").
NEXT_ACTION: dict[str, str | None] = {
    "draft": "verify",
    "verified": "complete_capture",
    "captured": "confirm",
    "confirmed": "submit",
    "submitted": "card_arrived",
    "card_arrived": "hand_over",
    "handed_over": None,
    "rejected": None,
    "cancelled": None,
}

FINGER_POSITIONS: tuple[str, ...] = (
    "right_thumb", "right_index", "right_middle", "right_ring", "right_little",
    "left_thumb", "left_index", "left_middle", "left_ring", "left_little",
)
IRIS_POSITIONS: tuple[str, ...] = ("right_iris", "left_iris")


def allowed(action: str, state: str) -> bool:
    return state in TRANSITIONS[action].sources
