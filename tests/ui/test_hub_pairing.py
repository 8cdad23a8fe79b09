"""Pairing a device in the window (File → Connect to the school hub…) against a real hub process: what the code
grants is said before it pairs, refusals are plain, and a learner's device opens on that learner's PIN."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from plprofile.sync.pairing import code_to_words, words_to_code

from .hub_school import school_hub


@pytest.fixture
def school(tmp_path):
    hub, admin_dir = school_hub(tmp_path)
    yield hub, admin_dir
    hub.stop()


def _check(qtbot, dialog, url: str, code: str) -> None:
    dialog.address.setText(url)
    dialog.code.setText(code)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)


def test_a_learners_device_is_paired_through_the_dialog_and_opens_on_the_learners_pin(
        school, open_window, qtbot, answers, tmp_path):
    hub, _admin = school
    code = hub.invite("learner", "Zoë Moreau")
    used = hub.invite("learner", "Tomás Núñez")
    assert hub.admin("status").returncode == 0
    window = open_window(tmp_path / "tablet", require_sign_in=True)
    assert window.signin.mode == "first_teacher" and window.signin.connect_button.isVisible()
    seen = {}

    def fill(dialog) -> None:
        # a wrong code: said plainly, nothing paired
        _check(qtbot, dialog, hub.url, "AAAA-BBBB-CCCC-DDDD-" + code.rsplit("-", 1)[1])
        seen["wrong"] = dialog.message.text()
        assert not dialog.connect_button.isEnabled()
        assert dialog.pin.isHidden() and dialog.pin_button.isHidden()  # a PIN only once paired for a learner
        # the right code, typed as its words (Spanish): what it grants, and for whom, before pairing
        _check(qtbot, dialog, hub.url, " ".join(code_to_words(code, "es")))
        seen["grant"] = dialog.grant.text()
        assert dialog.connect_button.isEnabled()
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.account is not None or (not dialog.busy and dialog.message.text()),
                        timeout=120_000)
        qtbot.waitUntil(lambda: not dialog.busy, timeout=120_000)
        assert not isinstance(dialog.first_sync, Exception), dialog.first_sync
        assert not dialog.pin.isHidden() and not dialog.pin_button.isHidden()
        qtbot.keyClicks(dialog.pin, "4321")
        qtbot.mouseClick(dialog.pin_button, Qt.MouseButton.LeftButton)

    answers.dialog_filler = fill
    qtbot.mouseClick(window.signin.connect_button, Qt.MouseButton.LeftButton)
    assert "not right" in seen["wrong"] and "teacher" in seen["wrong"]  # a learner may be reading
    assert "Zoë" in seen["grant"] and "PIN" in seen["grant"]
    # the device now holds Zoë's profile only, and opens on her PIN screen (no names to choose from)
    signin = window.signin
    qtbot.waitUntil(lambda: window.pages.currentWidget() is signin and signin.device_learner is not None, timeout=60_000)
    assert "Zoë" in signin.subtitle.text()
    assert not signin.username.isVisible() and not signin.teacher_radio.isVisible()
    assert window.hub.sync is not None
    qtbot.keyClicks(signin.secret, "4321")
    qtbot.keyClick(signin.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.ctx is not None and window.profile is not None and window.profile.view is not None,
                    timeout=60_000)
    assert window.ctx.is_learner
    assert window.profile.view.learner.given_name == "Zoë"
    assert not window.class_pane.isVisible()
    window.close()
    # started again: straight to Zoë's PIN
    again = open_window(tmp_path / "tablet", require_sign_in=True)
    assert again.signin.device_learner is not None and "Zoë" in again.signin.subtitle.text()
    # a used code is refused, in a learner's words on a learner's code
    other = open_window(tmp_path / "other", require_sign_in=True)
    pair_twice = {}

    def fill_used(dialog) -> None:
        _check(qtbot, dialog, hub.url, used)
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.account is not None, timeout=120_000)
        dialog.reject()
        other_dialog = type(dialog)(None, dialog.store, dialog.auth, learner_words=True)
        _check(qtbot, other_dialog, hub.url, used)
        pair_twice["used"] = other_dialog.message.text()

    answers.dialog_filler = fill_used
    qtbot.mouseClick(other.signin.connect_button, Qt.MouseButton.LeftButton)
    assert "used already" in pair_twice["used"]


def test_a_code_round_trips_through_its_words_in_either_language():
    code = "ABCD-EFGH-IJKL-MNOP-QRSTUVWXYZ234567ABCDEFGH"
    for lang in ("en", "es"):
        words = code_to_words(code, lang)
        assert len(words) == 19
        assert words_to_code(" ".join(words)) == code
        assert words_to_code(" ".join(w.upper()[:4] for w in words)) == code  # first four letters, any case
    with pytest.raises(ValueError):
        words_to_code(" ".join(code_to_words(code)[:-1]))
    swapped = code_to_words(code)
    swapped[-1], swapped[-2] = swapped[-2], swapped[-1]
    with pytest.raises(ValueError):  # the padding bits catch most mistakes in the last word
        assert words_to_code(" ".join(swapped)) != code
        raise ValueError


def test_an_expired_code_and_a_hub_with_another_certificate_get_plain_messages(school, open_window, qtbot, answers,
                                                                               tmp_path):
    from datetime import timedelta

    from sqlalchemy import update

    from plprofile.hub import tables
    from plprofile.hub.store import open_hub
    from plprofile.store.types import utcnow
    from tests.hub.conftest import make_hub

    hub, _admin = school
    code = hub.invite("teacher", "Ada Admin")
    hub_store = open_hub(hub.folder, hub.database)  # a day goes by
    with hub_store.transaction() as s:
        s.execute(update(tables.invitation).values(expires_at=utcnow() - timedelta(minutes=1)))
    hub_store.close()
    other = make_hub(tmp_path / "elsewhere", None)  # another hub: its own certificate
    try:
        window = open_window(tmp_path / "laptop")  # a teacher signed in: the teachers' words
        seen = {}

        def fill(dialog) -> None:
            _check(qtbot, dialog, hub.url, code)
            seen["expired"] = dialog.message.text()
            _check(qtbot, dialog, other.url, hub.invite("teacher", "Ada Admin"))
            seen["certificate"] = dialog.message.text()
            assert not dialog.connect_button.isEnabled()

        answers.dialog_filler = fill
        window.connect_hub_action.trigger()
        assert "expired" in seen["expired"] and "24 hours" in seen["expired"]
        assert "different certificate" in seen["certificate"] and "Nothing was sent" in seen["certificate"]
        assert window.hub.sync is None and other.status()["devices"] == 0 and hub.status()["devices"] == 1
    finally:
        other.stop()
