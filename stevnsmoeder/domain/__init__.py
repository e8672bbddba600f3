"""Pure domain rules with no storage and no Qt: CPR numbers, Danish dates, the Trivselslinealen."""
