"""The Conferences page says who led each conference: a student-led one names the learner (to the learner: "You
led it"), the others the teacher."""

from __future__ import annotations

from datetime import date

from plprofile.domain import profile as d
from plprofile.services.accounts import ensure_teacher, teacher_actor
from plprofile.services.profiles import ProfileService
from plprofile.store.engine import open_store


def test_the_conferences_list_and_record_say_who_led_each(open_window, qtbot, tmp_path):
    folder = tmp_path / "data"
    store = open_store(folder)
    teacher = teacher_actor(ensure_teacher(store))
    profiles = ProfileService(store)
    mia = profiles.add_learner(teacher, given_name="Mia", family_name="Lopez")
    profiles.add_conference(teacher, mia.id, date(2026, 10, 1), notes="Reading plan")
    profiles.add_conference(teacher, mia.id, date(2026, 11, 5), notes="Mia showed her volcano",
                            led_by=d.ConferenceLead.LEARNER)
    store.close()

    window = open_window(folder)
    window.select_learner(mia.id)
    tab = window.profile.conferences
    window.profile.tabs.setCurrentWidget(tab)
    lines = [tab.list.item(i).text().splitlines()[0] for i in range(tab.list.count())]
    assert lines[0].endswith("· Led by Mia") and lines[1].endswith("· Led by the teacher")
    tab.list.setCurrentRow(0)
    assert tab.led_by.text() == "Led by Mia"
    tab.list.setCurrentRow(1)
    assert tab.led_by.text() == "Led by the teacher"
