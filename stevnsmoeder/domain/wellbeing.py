"""The Trivselslinealen (well-being ruler) and the intervention ladder it points to.

The labels are Stevns Kommune's own; they are seeded as editable reference data, and these
defaults are what a new database starts with.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class LadderStep(StrEnum):
    NONE = "none"  # thriving: no action
    PREVENTION = "prevention"  # forebyggende indsats
    EARLY = "early"  # tidlig indsats
    INTRUSIVE = "intrusive"  # indgribende indsats


@dataclass(frozen=True)
class LevelDefault:
    level: int
    label: str
    step: LadderStep
    step_label: str


DEFAULT_LEVELS = (
    LevelDefault(1, "i trivsel", LadderStep.NONE, "ingen indsats"),
    LevelDefault(2, "moderat trivsel", LadderStep.PREVENTION, "forebyggende indsats"),
    LevelDefault(3, "sårbar trivsel", LadderStep.EARLY, "tidlig indsats"),
    LevelDefault(4, "udsat trivsel", LadderStep.INTRUSIVE, "indgribende indsats"),
    LevelDefault(5, "truet trivsel", LadderStep.INTRUSIVE, "indgribende indsats"),
)

MIN_LEVEL = 1
MAX_LEVEL = 5


def step_for(level: int) -> LadderStep:
    if not MIN_LEVEL <= level <= MAX_LEVEL:
        raise ValueError(f"level must be {MIN_LEVEL}-{MAX_LEVEL}")
    return DEFAULT_LEVELS[level - 1].step
