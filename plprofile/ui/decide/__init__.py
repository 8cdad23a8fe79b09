"""Needs a decision: the two versions of words that two devices changed at once, side by side, and the banner
and window that lead to them."""
