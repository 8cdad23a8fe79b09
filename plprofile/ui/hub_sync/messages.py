"""A sync or pairing refusal in plain, translated words: what happened and what to do. A learner's device
speaks to the learner."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def problem_text(kind: str, *, learner: bool = False, reason: str = "") -> str:
    """What to say for a refusal of ``kind`` (``plprofile.sync.pairing.problem``)."""
    if learner:
        texts = {
            "wrong": QCoreApplication.translate("HubSync", "That code is not right. Check each letter or word, or ask your teacher."),
            "used": QCoreApplication.translate("HubSync", "That code was used already. Ask your teacher for a new one."),
            "expired": QCoreApplication.translate("HubSync", "That code is too old. Ask your teacher for a new one."),
            "certificate": QCoreApplication.translate("HubSync", "This is not your school's computer. Nothing was sent. Tell your teacher."),
            "revoked": QCoreApplication.translate("HubSync", "Your teacher switched off this device. Ask your teacher to connect it again."),
            "app_old": QCoreApplication.translate("HubSync", "plprofile on this device is too old. Ask your teacher to update it."),
            "app_new": QCoreApplication.translate("HubSync", "The school's computer needs an update. Tell your teacher."),
            "unknown_device": QCoreApplication.translate("HubSync", "The school does not know this device any more. Ask your teacher."),
            "offline": QCoreApplication.translate("HubSync", "The school's computer cannot be reached. Your work is safe here and goes later."),
        }
    else:
        texts = {
            "wrong": QCoreApplication.translate("HubSync", "That pairing code is not right: check it, or ask the school's admin for a new one. "
                         "Nothing was changed."),
            "used": QCoreApplication.translate("HubSync", "That pairing code was already used: ask the school's admin for a new one."),
            "expired": QCoreApplication.translate("HubSync", "That pairing code has expired (codes last 24 hours): ask the school's admin for "
                           "a new one."),
            "certificate": QCoreApplication.translate("HubSync", "The hub at this address shows a different certificate from the one this device "
                               "trusts: it may not be the school's hub. Nothing was sent. If the school replaced "
                               "the hub's certificate, disconnect this device and pair it again."),
            "revoked": QCoreApplication.translate("HubSync", "This device was revoked on the school hub: nothing more is sent or received. Ask "
                           "the school's admin for a new pairing code."),
            "app_old": QCoreApplication.translate("HubSync", "plprofile on this device is older than the hub's: update plprofile, then sync "
                           "again. Your changes wait here."),
            "app_new": QCoreApplication.translate("HubSync", "plprofile on this device is newer than the hub's: ask the school to update the "
                           "hub. Your changes wait here."),
            "unknown_device": QCoreApplication.translate("HubSync", "The hub no longer knows this device or its account: disconnect it and pair "
                                  "it again with a new code."),
            "offline": QCoreApplication.translate("HubSync", "The school hub cannot be reached. Your changes are kept on this device and sent "
                           "when it is back."),
            "address": QCoreApplication.translate("HubSync", "That is not a hub address: it looks like https://hub.school.example:8443."),
            "paired": QCoreApplication.translate("HubSync", "This device is already connected to a hub: disconnect it first."),
            "not_paired": QCoreApplication.translate("HubSync", "This device is not connected to a school hub."),
        }
    if kind in texts:
        return texts[kind]
    if learner:
        return QCoreApplication.translate("HubSync", "Something went wrong with the school's computer. Tell your teacher.")
    return QCoreApplication.translate("HubSync", "The school hub refused: {reason}").format(reason=reason)


def role_text(role: str, name: str) -> str:
    """What a code grants, said before pairing."""
    if role == "learner":
        return QCoreApplication.translate("HubSync", "This code makes this device {name}'s own: it will hold only {name}'s profile and open on "
                   "{name}'s PIN screen.").format(name=name)
    if role == "admin":
        return QCoreApplication.translate("HubSync", "This code connects this device as the school admin {name}: it will hold every learner of "
                   "the school.").format(name=name)
    return QCoreApplication.translate("HubSync", "This code connects this device as the teacher {name}: it will hold the learners of "
               "{name}'s classes.").format(name=name)
