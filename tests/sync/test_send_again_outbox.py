"""The outbox and the changes the hub refused: held ones are not offered; sent again, each is offered once, in
its place by clock, even when the acknowledgement mark has moved past it; acknowledged, it is done; refused
again, it is held again."""

from __future__ import annotations

from plprofile.sync.changes import acknowledged, held, hold, mark_acknowledged, outgoing, send_again


def test_a_held_change_sent_again_is_offered_once_in_its_place_and_done_when_the_hub_has_it(store, teacher,
                                                                                              profiles):
    kid = profiles.add_learner(teacher, given_name="Pia", family_name="Lund")
    profiles.add_entry(teacher, kid.id, "interests", "model boats")
    with store.session() as s:
        first = [c.id for c in outgoing(s)]
    refused = first[-1]  # the entry
    with store.transaction() as s:
        hold(s, {refused: {"about": "Pia Lund", "reason": "not in one of your classes.", "learner": str(kid.id)}})
        assert mark_acknowledged(s, first[:-1]) == len(first) - 1  # the rest went
    profiles.add_entry(teacher, kid.id, "strengths", "patient")  # later work: the mark moves past the held one
    with store.session() as s:
        later = [c.id for c in outgoing(s)]
    assert refused not in later and later
    with store.transaction() as s:
        assert mark_acknowledged(s, later) == len(later)
        assert outgoing(s) == [] and list(held(s)) == [refused]

    with store.transaction() as s:
        assert send_again(s) == 1
    with store.session() as s:
        offered = outgoing(s)
        assert [c.id for c in offered] == [refused] and held(s) == {}
    # refused again: held again, and no longer offered
    with store.transaction() as s:
        hold(s, {refused: {"about": "Pia Lund", "reason": "still not.", "learner": str(kid.id)}})
        assert outgoing(s) == []
        send_again(s)
    profiles.add_entry(teacher, kid.id, "strengths", "kind")
    with store.session() as s:
        offered = outgoing(s)
        assert [c.id for c in outgoing(s, limit=1)] == [refused]
    assert [c.id for c in offered][0] == refused and len(offered) == 2  # by clock: the old one first, once
    with store.transaction() as s:
        before = acknowledged(s)
        mark_acknowledged(s, [refused])  # the hub has the old one: done, and the mark never goes back to it
        assert acknowledged(s) == before and [c.id for c in outgoing(s)] == [offered[1].id]
        mark_acknowledged(s, [offered[1].id])
        assert outgoing(s) == [] and held(s) == {}
        assert acknowledged(s) == offered[1].hlc > before
