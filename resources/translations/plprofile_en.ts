<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AgendaPanel</name>
    <message numerus="yes">
        <source>Every element was rated in the last %n week(s).</source>
        <translation>
            <numerusform>Every element was rated in the last week.</numerusform>
            <numerusform>Every element was rated in the last %n weeks.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssessmentEntry</name>
    <message numerus="yes">
        <source>Saved the assessment of {date}: %n element(s).</source>
        <translation>
            <numerusform>Saved the assessment of {date}: %n element.</numerusform>
            <numerusform>Saved the assessment of {date}: %n elements.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassOverview</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not assessed since {date} (%n learner(s))</source>
        <translation>
            <numerusform>Not assessed since {date} (%n learner)</numerusform>
            <numerusform>Not assessed since {date} (%n learners)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassPane</name>
    <message numerus="yes">
        <source>{title} (%n learner(s))</source>
        <translation>
            <numerusform>{title} (%n learner)</numerusform>
            <numerusform>{title} (%n learners)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s)</source>
        <translation>
            <numerusform>%n learner</numerusform>
            <numerusform>%n learners</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n learner(s)</source>
        <translation>
            <numerusform>{shown} of %n learner</numerusform>
            <numerusform>{shown} of %n learners</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConferencePage</name>
    <message numerus="yes">
        <source>%n min left</source>
        <translation>
            <numerusform>%n min left</numerusform>
            <numerusform>%n min left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Conference length: %n minute(s).</source>
        <translation>
            <numerusform>Conference length: %n minute.</numerusform>
            <numerusform>Conference length: %n minutes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DecisionBanner</name>
    <message numerus="yes">
        <source>%n thing(s) in your profile were changed in two places at once. Choose which words to keep.</source>
        <translation>
            <numerusform>%n thing in your profile was changed in two places at once. Choose which words to keep.</numerusform>
            <numerusform>%n things in your profile were changed in two places at once. Choose which words to keep.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your teacher has %n thing(s) to decide in your profile.</source>
        <translation>
            <numerusform>Your teacher has %n thing to decide in your profile.</numerusform>
            <numerusform>Your teacher has %n things to decide in your profile.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) in this profile need your decision: two devices changed the same words.</source>
        <translation>
            <numerusform>%n thing in this profile needs your decision: two devices changed the same words.</numerusform>
            <numerusform>%n things in this profile need your decision: two devices changed the same words.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) in this profile wait for the learner to decide.</source>
        <translation>
            <numerusform>%n thing in this profile waits for the learner to decide.</numerusform>
            <numerusform>%n things in this profile wait for the learner to decide.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DueWindow</name>
    <message numerus="yes">
        <source>%1 (and %n more)</source>
        <translation>
            <numerusform>%1 (and %n more)</numerusform>
            <numerusform>%1 (and %n more)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) due</source>
        <translation>
            <numerusform>%n thing due</numerusform>
            <numerusform>%n things due</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EncryptionDialog</name>
    <message numerus="yes">
        <source>Done. %n backup(s) converted as well.</source>
        <translation>
            <numerusform>Done. %n backup converted as well.</numerusform>
            <numerusform>Done. %n backups converted as well.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedWindow</name>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) by these learners</source>
        <translation>
            <numerusform>%n change by these learners</numerusform>
            <numerusform>%n changes by these learners</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HubSync</name>
    <message numerus="yes">
        <source>%n change(s) made here have not reached the school yet: connect to the network and sync first. Nothing was removed.</source>
        <translation>
            <numerusform>%n change made here has not reached the school yet: connect to the network and sync first. Nothing was removed.</numerusform>
            <numerusform>%n changes made here have not reached the school yet: connect to the network and sync first. Nothing was removed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LearnerOperations</name>
    <message numerus="yes">
        <source>Import %n learner(s) from {name}?</source>
        <translation>
            <numerusform>Import %n learner from {name}?</numerusform>
            <numerusform>Import %n learners from {name}?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n learner(s).</source>
        <translation>
            <numerusform>Imported %n learner.</numerusform>
            <numerusform>Imported %n learners.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This erases everything about {name}: their profile, goals, check-ins, assessments, conferences, history and sign-in. They are erased from this computer&apos;s store and from every backup of it in its backups folder (%n backup(s)), and cannot be brought back. Copies kept somewhere else (a USB stick, a protected copy, a saved summary) are not reached.

Type the learner&apos;s family name to confirm:</source>
        <translation>
            <numerusform>This erases everything about {name}: their profile, goals, check-ins, assessments, conferences, history and sign-in. They are erased from this computer&apos;s store and from every backup of it in its backups folder (%n backup), and cannot be brought back. Copies kept somewhere else (a USB stick, a protected copy, a saved summary) are not reached.

Type the learner&apos;s family name to confirm:</numerusform>
            <numerusform>This erases everything about {name}: their profile, goals, check-ins, assessments, conferences, history and sign-in. They are erased from this computer&apos;s store and from every backup of it in its backups folder (%n backups), and cannot be brought back. Copies kept somewhere else (a USB stick, a protected copy, a saved summary) are not reached.

Type the learner&apos;s family name to confirm:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} is erased from the store and from %n backup(s).</source>
        <translation>
            <numerusform>{name} is erased from the store and from %n backup.</numerusform>
            <numerusform>{name} is erased from the store and from %n backups.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewYearDialog</name>
    <message numerus="yes">
        <source>%n learner profile(s) kept as they stand, read-only, as a snapshot of the year.</source>
        <translation>
            <numerusform>%n learner profile kept as it stands, read-only, as a snapshot of the year.</numerusform>
            <numerusform>%n learner profiles kept as they stand, read-only, as a snapshot of the year.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n class(es) closed (kept, marked ended).</source>
        <translation>
            <numerusform>%n class closed (kept, marked ended).</numerusform>
            <numerusform>%n classes closed (kept, marked ended).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open goal(s): each is carried over unless you close it with a reflection.</source>
        <translation>
            <numerusform>%n open goal: it is carried over unless you close it with a reflection.</numerusform>
            <numerusform>%n open goals: each is carried over unless you close it with a reflection.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfilePanel</name>
    <message numerus="yes">
        <source>%n suggestion(s) waiting for you on your home page</source>
        <translation>
            <numerusform>%n suggestion waiting for you on your home page</numerusform>
            <numerusform>%n suggestions waiting for you on your home page</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) waiting for the learner</source>
        <translation>
            <numerusform>%n suggestion waiting for the learner</numerusform>
            <numerusform>%n suggestions waiting for the learner</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuestionDialog</name>
    <message numerus="yes">
        <source>Sent to %n learner(s).</source>
        <translation>
            <numerusform>Sent to %n learner.</numerusform>
            <numerusform>Sent to %n learners.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterSet</name>
    <message numerus="yes">
        <source>%n learner(s) added</source>
        <extracomment>How many warnings the preview lists before &quot;… and N more&quot;.</extracomment>
        <translation>
            <numerusform>%n learner added</numerusform>
            <numerusform>%n learners added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s) updated</source>
        <translation>
            <numerusform>%n learner updated</numerusform>
            <numerusform>%n learners updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s) leaving their classes</source>
        <translation>
            <numerusform>%n learner leaving their classes</numerusform>
            <numerusform>%n learners leaving their classes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n teacher(s) added (without a password until a school admin sets one)</source>
        <translation>
            <numerusform>%n teacher added (without a password until a school admin sets one)</numerusform>
            <numerusform>%n teachers added (without a password until a school admin sets one)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n class(es) added</source>
        <translation>
            <numerusform>%n class added</numerusform>
            <numerusform>%n classes added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n class membership(s) added</source>
        <translation>
            <numerusform>%n class membership added</numerusform>
            <numerusform>%n class memberships added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n class membership(s) ended</source>
        <translation>
            <numerusform>%n class membership ended</numerusform>
            <numerusform>%n class memberships ended</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n family contact(s) added</source>
        <translation>
            <numerusform>%n family contact added</numerusform>
            <numerusform>%n family contacts added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n family contact(s) updated</source>
        <translation>
            <numerusform>%n family contact updated</numerusform>
            <numerusform>%n family contacts updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n family contact(s) removed</source>
        <translation>
            <numerusform>%n family contact removed</numerusform>
            <numerusform>%n family contacts removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s): read anyway, or left out as said</source>
        <translation>
            <numerusform>%n warning: read anyway, or left out as said</numerusform>
            <numerusform>%n warnings: read anyway, or left out as said</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SnapshotWindow</name>
    <message numerus="yes">
        <source>%n learner(s)</source>
        <translation>
            <numerusform>%n learner</numerusform>
            <numerusform>%n learners</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n said it helped</source>
        <translation>
            <numerusform>%n said it helped</numerusform>
            <numerusform>%n said it helped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{what}: {n} learner(s). Open one to see their profile.</source>
        <translation>
            <numerusform>{what}: {n} learner. Open them to see their profile.</numerusform>
            <numerusform>{what}: {n} learners. Open one to see their profile.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StagesPage</name>
    <message numerus="yes">
        <source>Overall stage (agreed) {a} on {d0}, {b} on {d1} ({change}); %n assessment(s).</source>
        <translation>
            <numerusform>Overall stage (agreed) {a} on {d0}, {b} on {d1} ({change}); %n assessment.</numerusform>
            <numerusform>Overall stage (agreed) {a} on {d0}, {b} on {d1} ({change}); %n assessments.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Today: {set} goals set, {progress} in progress, {achieved} achieved; %n check-in(s).</source>
        <translation>
            <numerusform>Today: {set} goals set, {progress} in progress, {achieved} achieved; %n check-in.</numerusform>
            <numerusform>Today: {set} goals set, {progress} in progress, {achieved} achieved; %n check-ins.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncFiles</name>
    <message numerus="yes">
        <source>Saved %n change(s) to {name}. Take the file to the other device or the hub and load it there with File → Load changes from a file…, with the same passphrase.</source>
        <translation>
            <numerusform>Saved %n change to {name}. Take the file to the other device or the hub and load it there with File → Load changes from a file…, with the same passphrase.</numerusform>
            <numerusform>Saved %n changes to {name}. Take the file to the other device or the hub and load it there with File → Load changes from a file…, with the same passphrase.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) applied.</source>
        <translation>
            <numerusform>%n change applied.</numerusform>
            <numerusform>%n changes applied.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) were here already and were left as they were.</source>
        <translation>
            <numerusform>%n change was here already and was left as it was.</numerusform>
            <numerusform>%n changes were here already and were left as they were.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) were made at the same time as a change here: both versions are kept under Needs a decision.</source>
        <translation>
            <numerusform>%n change was made at the same time as a change here: both versions are kept under Needs a decision.</numerusform>
            <numerusform>%n changes were made at the same time as changes here: both versions are kept under Needs a decision.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message numerus="yes">
        <source>%n need(s) a decision</source>
        <translation>
            <numerusform>%n needs a decision</numerusform>
            <numerusform>%n need a decision</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting: no connection</source>
        <translation>
            <numerusform>%n change waiting: no connection</numerusform>
            <numerusform>%n changes waiting: no connection</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not saved at school</source>
        <translation>
            <numerusform>%n change not saved at school</numerusform>
            <numerusform>%n changes not saved at school</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not accepted by the school hub</source>
        <translation>
            <numerusform>%n change not accepted by the school hub</numerusform>
            <numerusform>%n changes not accepted by the school hub</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) about {about}: {reason}</source>
        <translation>
            <numerusform>%n change about {about}: {reason}</numerusform>
            <numerusform>%n changes about {about}: {reason}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frameworks</name>
    <message numerus="yes">
        <source>Now using “{name}” (version {version}): %n element(s) in {groups} group(s).

New assessments use it; earlier assessments keep the framework they were made with.</source>
        <translation>
            <numerusform>Now using “{name}” (version {version}): %n element in {groups} group(s).

New assessments use it; earlier assessments keep the framework they were made with.</numerusform>
            <numerusform>Now using “{name}” (version {version}): %n elements in {groups} group(s).

New assessments use it; earlier assessments keep the framework they were made with.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>passport</name>
    <message numerus="yes">
        <source>… and %n earlier check-in(s) in the profile.</source>
        <translation>
            <numerusform>… and %n earlier check-in in the profile.</numerusform>
            <numerusform>… and %n earlier check-ins in the profile.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>profile_transfer</name>
    <message numerus="yes">
        <source>Merged the profile of {name}: %n row(s) added.</source>
        <translation>
            <numerusform>Merged the profile of {name}: %n row added.</numerusform>
            <numerusform>Merged the profile of {name}: %n rows added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) were already here and were left as they were.</source>
        <translation>
            <numerusform>%n row was already here and was left as it was.</numerusform>
            <numerusform>%n rows were already here and were left as they were.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>services</name>
    <message numerus="yes">
        <source>The file has %n problem(s):</source>
        <translation>
            <numerusform>The file has %n problem:</numerusform>
            <numerusform>The file has %n problems:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>summary</name>
    <message numerus="yes">
        <source>… and %n more goal(s) in the profile.</source>
        <translation>
            <numerusform>… and %n more goal in the profile.</numerusform>
            <numerusform>… and %n more goals in the profile.</numerusform>
        </translation>
    </message>
</context>
</TS>
