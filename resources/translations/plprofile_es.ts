<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AboutTab</name>
    <message>
        <source>optional, e.g. she/her</source>
        <translation>opcional, p. ej. ella, él, elle</translation>
    </message>
    <message>
        <source>Save details</source>
        <translation>Guardar datos</translation>
    </message>
    <message>
        <source>About me</source>
        <translation>Sobre mí</translation>
    </message>
    <message>
        <source>&amp;Preferred name:</source>
        <translation>Nombre &amp;preferido:</translation>
    </message>
    <message>
        <source>P&amp;ronouns:</source>
        <translation>P&amp;ronombres:</translation>
    </message>
    <message>
        <source>&amp;Grade or year:</source>
        <translation>&amp;Grado o año:</translation>
    </message>
    <message>
        <source>Group or c&amp;lass:</source>
        <translation>Grupo o c&amp;lase:</translation>
    </message>
    <message>
        <source>At a glance</source>
        <translation>De un vistazo</translation>
    </message>
    <message>
        <source>nothing yet</source>
        <translation>nada todavía</translation>
    </message>
    <message>
        <source>{lens}: works for me</source>
        <translation>{lens}: me funciona</translation>
    </message>
    <message>
        <source>Backpack</source>
        <translation>Mochila</translation>
    </message>
    <message>
        <source>Goals now</source>
        <translation>Metas actuales</translation>
    </message>
</context>
<context>
    <name>AccountOperations</name>
    <message>
        <source>Set sign-in PIN</source>
        <translation>Definir el PIN de acceso</translation>
    </message>
    <message>
        <source>A PIN of 4 to 8 digits for {name}:</source>
        <translation>Un PIN de 4 a 8 dígitos para {name}:</translation>
    </message>
    <message>
        <source>{learner} signs in as “{name}” with the new PIN.</source>
        <translation>{learner} inicia sesión como «{name}» con el PIN nuevo.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>{name} can sign in again.</source>
        <translation>{name} ya puede iniciar sesión de nuevo.</translation>
    </message>
    <message>
        <source>Add a teacher</source>
        <translation>Agregar un docente</translation>
    </message>
    <message>
        <source>Sign-in name of the new teacher:</source>
        <translation>Nombre de usuario del nuevo docente:</translation>
    </message>
    <message>
        <source>A password for {name} (at least 8 characters):</source>
        <translation>Una contraseña para {name} (al menos 8 caracteres):</translation>
    </message>
    <message>
        <source>{name} can now sign in.</source>
        <translation>{name} ya puede iniciar sesión.</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>Cambiar mi contraseña</translation>
    </message>
    <message>
        <source>Your current password:</source>
        <translation>Tu contraseña actual:</translation>
    </message>
    <message>
        <source>A new password (at least 8 characters):</source>
        <translation>Una contraseña nueva (al menos 8 caracteres):</translation>
    </message>
    <message>
        <source>The new password again:</source>
        <translation>La contraseña nueva otra vez:</translation>
    </message>
    <message>
        <source>The two new passwords are not the same. Nothing was changed.</source>
        <translation>Las dos contraseñas nuevas no son iguales. No se cambió nada.</translation>
    </message>
    <message>
        <source>Your password is changed. Use it the next time you sign in.</source>
        <translation>Tu contraseña cambió. Úsala la próxima vez que inicies sesión.</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Sign-in name</source>
        <translation>Nombre de acceso</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Teachers and school admins</source>
        <translation>Docentes y administradores del centro</translation>
    </message>
    <message>
        <source>&amp;Set password…</source>
        <translation>&amp;Poner contraseña…</translation>
    </message>
    <message>
        <source>Only a school admin can set another teacher&apos;s password.</source>
        <translation>Solo un administrador del centro puede poner la contraseña de otro docente.</translation>
    </message>
    <message>
        <source>none yet: cannot sign in</source>
        <translation>ninguna todavía: no puede entrar</translation>
    </message>
    <message>
        <source>set for them: they choose their own at sign-in</source>
        <translation>puesta por otra persona: elegirá la suya al entrar</translation>
    </message>
    <message>
        <source>their own</source>
        <translation>la suya</translation>
    </message>
    <message>
        <source>{name} (school admin)</source>
        <translation>{name} (administración del centro)</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>Poner contraseña</translation>
    </message>
    <message>
        <source>Choose a teacher in the list first.</source>
        <translation>Elige primero un docente de la lista.</translation>
    </message>
    <message>
        <source>A password for {name} (at least 8 characters). They choose their own the first time they sign in:</source>
        <translation>Una contraseña para {name} (8 caracteres como mínimo). La primera vez que entre elegirá la suya:</translation>
    </message>
    <message>
        <source>The password again:</source>
        <translation>La contraseña otra vez:</translation>
    </message>
    <message>
        <source>The two passwords are not the same. Nothing was changed.</source>
        <translation>Las dos contraseñas no son iguales. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>{name} signs in as “{username}” with this password, and then chooses their own.</source>
        <translation>{name} entra como «{username}» con esta contraseña y después elige la suya.</translation>
    </message>
</context>
<context>
    <name>AddLearnerDialog</name>
    <message>
        <source>Add a learner</source>
        <translation>Agregar un aprendiz</translation>
    </message>
    <message>
        <source>if different from the given name</source>
        <translation>si es distinto del nombre de pila</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>student ID from the school system (optional)</source>
        <translation>identificador del estudiante en el sistema escolar (opcional)</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>&amp;Nombre de pila:</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation>&amp;Apellido:</translation>
    </message>
    <message>
        <source>&amp;Preferred name:</source>
        <translation>Nombre &amp;preferido:</translation>
    </message>
    <message>
        <source>P&amp;ronouns:</source>
        <translation>P&amp;ronombres:</translation>
    </message>
    <message>
        <source>G&amp;rade or year:</source>
        <translation>G&amp;rado o año:</translation>
    </message>
    <message>
        <source>Gr&amp;oup or class:</source>
        <translation>Gr&amp;upo o clase:</translation>
    </message>
    <message>
        <source>Student &amp;ID:</source>
        <translation>&amp;ID del estudiante:</translation>
    </message>
</context>
<context>
    <name>AgendaPanel</name>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>What {name} wants to talk about</source>
        <translation>De qué quiere hablar {name}</translation>
    </message>
    <message>
        <source>Nothing proposed for this conference.</source>
        <translation>Nada propuesto para esta reunión.</translation>
    </message>
    <message>
        <source>{question} — {answer}</source>
        <translation>{question} — {answer}</translation>
    </message>
    <message>
        <source>(a recording)</source>
        <translation>(una grabación)</translation>
    </message>
    <message>
        <source>What {name} answered</source>
        <translation>Lo que respondió {name}</translation>
    </message>
    <message>
        <source>No answers to your questions since the last conference.</source>
        <translation>No hay respuestas a tus preguntas desde la última reunión.</translation>
    </message>
    <message>
        <source>{section}: {text}</source>
        <translation>{section}: {text}</translation>
    </message>
    <message>
        <source>Goal: {text}</source>
        <translation>Meta: {text}</translation>
    </message>
    <message>
        <source>Suggestions waiting for {name}</source>
        <translation>Sugerencias que esperan a {name}</translation>
    </message>
    <message>
        <source>No suggestions waiting.</source>
        <translation>No hay sugerencias en espera.</translation>
    </message>
    <message>
        <source>Overdue since {date}: {goal}</source>
        <translation>Vencida desde el {date}: {goal}</translation>
    </message>
    <message>
        <source>Due {date}: {goal}</source>
        <translation>Vence el {date}: {goal}</translation>
    </message>
    <message>
        <source>Goals due or overdue</source>
        <translation>Metas que vencen o vencidas</translation>
    </message>
    <message>
        <source>No goal is due this week.</source>
        <translation>Ninguna meta vence esta semana.</translation>
    </message>
    <message>
        <source>Stages not rated for a while</source>
        <translation>Etapas sin valorar desde hace tiempo</translation>
    </message>
    <message numerus="yes">
        <source>Every element was rated in the last %n week(s).</source>
        <translation>
            <numerusform>Todos los elementos se valoraron en la última semana.</numerusform>
            <numerusform>Todos los elementos se valoraron en las últimas %n semanas.</numerusform>
        </translation>
    </message>
    <message>
        <source>{element}: never rated</source>
        <translation>{element}: nunca valorado</translation>
    </message>
    <message>
        <source>{element}: last rated {date}</source>
        <translation>{element}: valorado por última vez el {date}</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <source>Accept: {text}</source>
        <translation>Aceptar: {text}</translation>
    </message>
    <message>
        <source>Decline: {text}</source>
        <translation>Rechazar: {text}</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ Reproducir</translation>
    </message>
    <message>
        <source>Play the recording: {text}</source>
        <translation>Reproducir la grabación: {text}</translation>
    </message>
    <message>
        <source>This recording cannot be played</source>
        <translation>No se puede reproducir esta grabación</translation>
    </message>
    <message>
        <source>The learner decides: choose “Learner is writing” first.</source>
        <translation>Decide el aprendiz: primero cambia para que escriba el aprendiz.</translation>
    </message>
</context>
<context>
    <name>AssessmentEntry</name>
    <message>
        <source>Date of the assessment</source>
        <translation>Fecha de la valoración</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>A note or evidence for the whole assessment (optional)</source>
        <translation>Una nota o evidencia para toda la valoración (opcional)</translation>
    </message>
    <message>
        <source>Note for the whole assessment</source>
        <translation>Nota para toda la valoración</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>N&amp;ota:</translation>
    </message>
    <message>
        <source>Agree where they &amp;match</source>
        <translation>Acordar donde &amp;coinciden</translation>
    </message>
    <message>
        <source>Agreed = the shared value, wherever learner and teacher chose the same</source>
        <translation>Acordado = el valor compartido, dondequiera que aprendiz y docente eligieron lo mismo</translation>
    </message>
    <message>
        <source>Agree on the l&amp;earner&apos;s values</source>
        <translation>Acordar los valores del &amp;aprendiz</translation>
    </message>
    <message>
        <source>Agree on the teac&amp;her&apos;s values</source>
        <translation>Acordar los valores del &amp;docente</translation>
    </message>
    <message>
        <source>Clea&amp;r</source>
        <translation>&amp;Vaciar</translation>
    </message>
    <message>
        <source>Empty the form (nothing saved is removed)</source>
        <translation>Vaciar el formulario (no se borra nada de lo guardado)</translation>
    </message>
    <message>
        <source>&amp;Save assessment</source>
        <translation>&amp;Guardar valoración</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>Last time</source>
        <translation>Última vez</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Aprendiz</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Tú</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Docente</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Diferencia</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Acordado</translation>
    </message>
    <message>
        <source>Note or evidence</source>
        <translation>Nota o evidencia</translation>
    </message>
    <message>
        <source>Your note</source>
        <translation>Tu nota</translation>
    </message>
    <message>
        <source>{element}: {rater}</source>
        <translation>{element}: {rater}</translation>
    </message>
    <message>
        <source>What we saw</source>
        <translation>Lo que observamos</translation>
    </message>
    <message>
        <source>{element}: note or evidence</source>
        <translation>{element}: nota o evidencia</translation>
    </message>
    <message>
        <source>{rater} rating for {element}</source>
        <translation>{element}: valoración ({rater})</translation>
    </message>
    <message>
        <source>= same</source>
        <translation>= igual</translation>
    </message>
    <message>
        <source>Learner and teacher chose the same value</source>
        <translation>Aprendiz y docente eligieron el mismo valor</translation>
    </message>
    <message>
        <source>≠ differs by {n}</source>
        <translation>≠ difiere en {n}</translation>
    </message>
    <message>
        <source>The learner rates this {n} higher than the teacher</source>
        <translation>El aprendiz se valora {n} más alto que el docente</translation>
    </message>
    <message>
        <source>The teacher rates this {n} higher than the learner</source>
        <translation>El docente valora {n} más alto que el aprendiz</translation>
    </message>
    <message>
        <source>Rate yourself: for each one, choose where you are now. Open a list to see what each step looks like. Your teacher talks about it with you at your next conference.</source>
        <translation>Valórate: en cada una, elige dónde estás ahora. Abre una lista para ver cómo es cada paso. Tu docente habla de esto contigo en tu próxima reunión.</translation>
    </message>
    <message>
        <source>Conference: enter the learner&apos;s own rating and the teacher&apos;s side by side, talk about where they differ, then record the value you agree on. Open a list to see what each stage looks like.</source>
        <translation>Reunión: anoten la valoración del aprendiz y la del docente lado a lado, conversen sobre dónde difieren y luego registren el valor que acuerden. Abran una lista para ver cómo se ve cada etapa.</translation>
    </message>
    <message>
        <source>The learner is writing: rate yourself in the Learner column. Your teacher adds their view and the agreed value with you in your next conference.</source>
        <translation>Escribe el aprendiz: valórate en la columna Aprendiz. Tu docente agrega su visión y el valor acordado contigo en la próxima reunión.</translation>
    </message>
    <message>
        <source>Clear the form</source>
        <translation>Vaciar el formulario</translation>
    </message>
    <message>
        <source>Empty every rating and note in this form? Assessments already saved are kept.</source>
        <translation>¿Vaciar todas las valoraciones y notas de este formulario? Las valoraciones ya guardadas se conservan.</translation>
    </message>
    <message>
        <source>Not assessed before</source>
        <translation>Sin valoraciones anteriores</translation>
    </message>
    <message>
        <source>Last assessed on {date} (the agreed value, or the middle of both views)</source>
        <translation>Última valoración el {date} (el valor acordado, o el punto medio entre ambas visiones)</translation>
    </message>
    <message numerus="yes">
        <source>Saved the assessment of {date}: %n element(s).</source>
        <translation>
            <numerusform>Se guardó la valoración del {date}: %n elemento.</numerusform>
            <numerusform>Se guardó la valoración del {date}: %n elementos.</numerusform>
        </translation>
    </message>
    <message>
        <source>You rated {n} of the {total} elements.</source>
        <translation>Has valorado {n} de los {total} elementos.</translation>
    </message>
    <message>
        <source>{element} ({date})</source>
        <translation>{element} ({date})</translation>
    </message>
    <message>
        <source>These keep your own last ratings, shown as carried forward: {list}.</source>
        <translation>Estos mantienen tus últimas valoraciones, marcadas como traídas de antes: {list}.</translation>
    </message>
    <message>
        <source>These keep their latest values, shown as carried forward: {list}.</source>
        <translation>Estos conservan sus últimos valores, que se muestran como arrastrados: {list}.</translation>
    </message>
    <message>
        <source>You have not rated these yourself yet: {list}. So this is saved as a partial check, with no Overall until you have rated each one.</source>
        <translation>Todavía no has valorado estos tú: {list}. Por eso se guarda como una revisión parcial, sin valor global hasta que valores cada uno.</translation>
    </message>
    <message>
        <source>These have never been rated: {list}. This is saved as a partial check, with no Overall until every element has a value.</source>
        <translation>Estos nunca se han valorado: {list}. Se guarda como una revisión parcial, sin valor global hasta que todos los elementos tengan un valor.</translation>
    </message>
    <message>
        <source>Save it?</source>
        <translation>¿Guardarla?</translation>
    </message>
    <message>
        <source>Save some elements only</source>
        <translation>Guardar solo algunos elementos</translation>
    </message>
</context>
<context>
    <name>BackpackTab</name>
    <message>
        <source>Tool or strategy</source>
        <translation>Herramienta o estrategia</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Helps with</source>
        <translation>Ayuda con</translation>
    </message>
    <message>
        <source>How it helps</source>
        <translation>Cómo ayuda</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Escrito por</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Learning backpack</source>
        <translation>Mochila de aprendizaje</translation>
    </message>
    <message>
        <source>e.g. text-to-speech, a visual timer, a checklist</source>
        <translation>p. ej. texto a voz, un temporizador visual, una lista de control</translation>
    </message>
    <message>
        <source>How it helps me</source>
        <translation>Cómo me ayuda</translation>
    </message>
    <message>
        <source>Add to backpack</source>
        <translation>Agregar a la mochila</translation>
    </message>
    <message>
        <source>Add a tool or strategy</source>
        <translation>Agregar una herramienta o estrategia</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>Helps &amp;with:</source>
        <translation>Ayuda &amp;con:</translation>
    </message>
    <message>
        <source>&amp;How it helps:</source>
        <translation>&amp;Cómo ayuda:</translation>
    </message>
    <message>
        <source>— (general)</source>
        <translation>— (general)</translation>
    </message>
    <message>
        <source>Lens: {lens}</source>
        <translation>Lente: {lens}</translation>
    </message>
    <message>
        <source>Challenge: {text}</source>
        <translation>Desafío: {text}</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>A backup is a copy of every learner&apos;s records, checked after it is written. plprofile makes one each day when it closes and one before every upgrade; you can make one at any time. Backups are kept in {folder}.</source>
        <translation>Una copia de seguridad es una copia de los registros de todos los aprendices, verificada después de escribirse. plprofile hace una cada día al cerrarse y otra antes de cada actualización; también puedes hacer una en cualquier momento. Las copias se guardan en {folder}.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Verificada</translation>
    </message>
    <message>
        <source>Backups, newest first</source>
        <translation>Copias de seguridad, la más reciente primero</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Hacer una copia &amp;ahora</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurar…</translation>
    </message>
    <message>
        <source>Restore from &amp;file…</source>
        <translation>Restaurar desde un &amp;archivo…</translation>
    </message>
    <message>
        <source>Save a &amp;protected copy…</source>
        <translation>Guardar una copia &amp;protegida…</translation>
    </message>
    <message>
        <source>A backup sealed with a passphrase, to take elsewhere</source>
        <translation>Una copia de seguridad sellada con una frase de contraseña, para llevarla a otro lugar</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>Hecha a mano</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Diaria</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>Antes de una actualización</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Antes de una restauración</translation>
    </message>
    <message>
        <source>Other file</source>
        <translation>Otro archivo</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No (a damaged store kept as it was)</source>
        <translation>No (una base de datos dañada, guardada tal como estaba)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>{checked}, encrypted</source>
        <translation>{checked}, cifrada</translation>
    </message>
    <message>
        <source>There are no backups yet.</source>
        <translation>Todavía no hay copias de seguridad.</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Haciendo la copia de seguridad…</translation>
    </message>
    <message>
        <source>Save a protected copy</source>
        <translation>Guardar una copia protegida</translation>
    </message>
    <message>
        <source>Protected plprofile files (*.plpx)</source>
        <translation>Archivos protegidos de plprofile (*.plpx)</translation>
    </message>
    <message>
        <source>The backup</source>
        <translation>La copia de seguridad</translation>
    </message>
    <message>
        <source>Backing up and sealing…</source>
        <translation>Haciendo la copia y sellándola…</translation>
    </message>
    <message>
        <source>Protected copy written and checked: {path}</source>
        <translation>Copia protegida escrita y comprobada: {path}</translation>
    </message>
    <message>
        <source>Backup written and checked: {name} ({size}).</source>
        <translation>Copia de seguridad escrita y verificada: {name} ({size}).</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>La copia de seguridad falló</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Choose a backup in the list first.</source>
        <translation>Primero elige una copia de seguridad de la lista.</translation>
    </message>
    <message>
        <source>from {when} ({kind})</source>
        <translation>del {when} ({kind})</translation>
    </message>
    <message>
        <source>Restore from a backup file</source>
        <translation>Restaurar desde un archivo de copia de seguridad</translation>
    </message>
    <message>
        <source>plprofile backups (*.sqlite3 *.db *.plpx);;All files (*)</source>
        <translation>Copias de seguridad de plprofile (*.sqlite3 *.db *.plpx);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Encrypted backup</source>
        <translation>Copia de seguridad cifrada</translation>
    </message>
    <message>
        <source>This backup is encrypted with another key. Type the password of a teacher who could open the store it was made from, or that store&apos;s recovery key:</source>
        <translation>Esta copia de seguridad está cifrada con otra clave. Escribe la contraseña de un docente que podía abrir la base de datos de la que se hizo, o la clave de recuperación de esa base de datos:</translation>
    </message>
    <message>
        <source>Replace every record in plprofile with the backup {label}?

What you have now is kept as a backup first, so this can be undone. plprofile closes when the restore is done; start it again to carry on.</source>
        <translation>¿Reemplazar todos los registros de plprofile con la copia de seguridad {label}?

Lo que tienes ahora se guarda antes como copia de seguridad, así que esto se puede deshacer. plprofile se cierra cuando termina la restauración; vuelve a abrirlo para continuar.</translation>
    </message>
    <message>
        <source>Restore a backup?</source>
        <translation>¿Restaurar una copia de seguridad?</translation>
    </message>
    <message>
        <source>Checking and restoring the backup…</source>
        <translation>Verificando y restaurando la copia de seguridad…</translation>
    </message>
    <message>
        <source>The records you had before are kept in the backup {name}.</source>
        <translation>Los registros que tenías antes se guardan en la copia de seguridad {name}.</translation>
    </message>
    <message>
        <source>Restore finished</source>
        <translation>Restauración terminada</translation>
    </message>
    <message>
        <source>The backup was restored. {kept}

plprofile will now close; start it again to see the restored records.</source>
        <translation>Se restauró la copia de seguridad. {kept}

plprofile se cerrará ahora; vuelve a abrirlo para ver los registros restaurados.</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>La restauración falló</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>C&amp;hart</source>
        <translation>G&amp;ráfico</translation>
    </message>
    <message>
        <source>T&amp;able</source>
        <translation>T&amp;abla</translation>
    </message>
    <message>
        <source>Show the chart</source>
        <translation>Mostrar el gráfico</translation>
    </message>
    <message>
        <source>Show the same numbers as a table</source>
        <translation>Mostrar los mismos números como tabla</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>Save this chart as PNG, SVG or PDF, or its table as CSV</source>
        <translation>Guardar este gráfico como PNG, SVG o PDF, o su tabla como CSV</translation>
    </message>
    <message>
        <source>The chart appears here.</source>
        <translation>El gráfico aparece aquí.</translation>
    </message>
    <message>
        <source>{chart} as a table</source>
        <translation>{chart} como tabla</translation>
    </message>
    <message>
        <source>The Table button shows the same numbers.</source>
        <translation>El botón Tabla muestra los mismos números.</translation>
    </message>
    <message>
        <source>Export {chart}</source>
        <translation>Exportar {chart}</translation>
    </message>
    <message>
        <source>Choose a file ending in .png, .svg, .pdf or .csv.</source>
        <translation>Elige un archivo que termine en .png, .svg, .pdf o .csv.</translation>
    </message>
    <message>
        <source>The file could not be written: {reason}</source>
        <translation>No se pudo escribir el archivo: {reason}</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>Se guardó {name}</translation>
    </message>
</context>
<context>
    <name>CheckInCard</name>
    <message>
        <source>⚑ This goal was due on {date}. Talk about a new date with your teacher.</source>
        <translation>⚑ Esta meta era para el {date}. Habla de una fecha nueva con tu docente.</translation>
    </message>
    <message>
        <source>Your next step: {step}</source>
        <translation>Tu próximo paso: {step}</translation>
    </message>
    <message>
        <source>All your steps are done. What comes next?</source>
        <translation>Hiciste todos tus pasos. ¿Qué sigue?</translation>
    </message>
    <message>
        <source>Last time ({date}): {how}</source>
        <translation>La última vez ({date}): {how}</translation>
    </message>
    <message>
        <source>You have not checked in on this goal yet.</source>
        <translation>Todavía no contaste cómo va esta meta.</translation>
    </message>
    <message>
        <source>How is it going?</source>
        <translation>¿Cómo te va?</translation>
    </message>
    <message>
        <source>How is it going? {how}</source>
        <translation>¿Cómo te va? {how}</translation>
    </message>
    <message>
        <source>Why? You can skip this.</source>
        <translation>¿Por qué? Puedes saltar esto.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save how it is going</source>
        <translation>Guardar cómo te va</translation>
    </message>
    <message>
        <source>Who sees this?</source>
        <translation>¿Quién lo ve?</translation>
    </message>
    <message>
        <source>First choose how it is going.</source>
        <translation>Primero elige cómo te va.</translation>
    </message>
</context>
<context>
    <name>ChoiceTab</name>
    <message>
        <source>Option</source>
        <translation>Opción</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Escrito por</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Voice and choice options</source>
        <translation>Opciones de voz y elección</translation>
    </message>
    <message>
        <source>Choice about</source>
        <translation>Elección sobre</translation>
    </message>
    <message>
        <source>Today or asked for</source>
        <translation>Hoy o solicitada</translation>
    </message>
    <message>
        <source>e.g. choose my project topic, work in the library</source>
        <translation>p. ej. elegir el tema de mi proyecto, trabajar en la biblioteca</translation>
    </message>
    <message>
        <source>Add option</source>
        <translation>Agregar opción</translation>
    </message>
    <message>
        <source>Add a voice-and-choice option</source>
        <translation>Agregar una opción de voz y elección</translation>
    </message>
</context>
<context>
    <name>ChoosePasswordPage</name>
    <message>
        <source>Your password was set by someone else. Choose your own now: only you should know it.</source>
        <translation>Otra persona puso tu contraseña. Elige ahora la tuya: solo tú debes conocerla.</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Contraseña nueva otra vez</translation>
    </message>
    <message>
        <source>Save my password</source>
        <translation>Guardar mi contraseña</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>Contraseña &amp;nueva:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Otra vez:</translation>
    </message>
    <message>
        <source>Welcome, {name}: choose your password</source>
        <translation>Te damos la bienvenida, {name}: elige tu contraseña</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no son iguales.</translation>
    </message>
</context>
<context>
    <name>ClassOverview</name>
    <message>
        <source>Class overview: Stages of Personalized Learning</source>
        <extracomment>How long after the overview is drawn every element&apos;s counts over time start being read ahead.</extracomment>
        <translation>Resumen de la clase: Etapas del Aprendizaje Personalizado</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Todos los grupos</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Grupo:</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> semanas</translation>
    </message>
    <message>
        <source>Not assessed in the last number of weeks</source>
        <translation>Sin valoración en esta cantidad de semanas</translation>
    </message>
    <message>
        <source>Not assessed in the &amp;last</source>
        <translation>Sin valoración en las ú&amp;ltimas</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Actuali&amp;zar</translation>
    </message>
    <message>
        <source>Learners at each stage</source>
        <translation>Aprendices en cada etapa</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>Evolución en el tiempo</translation>
    </message>
    <message>
        <source>What the chart on the right shows over the year</source>
        <translation>Lo que muestra el gráfico de la derecha a lo largo del año</translation>
    </message>
    <message>
        <source>Overall stage</source>
        <translation>Etapa general</translation>
    </message>
    <message>
        <source>O&amp;ver time:</source>
        <translation>E&amp;volución:</translation>
    </message>
    <message>
        <source>Learners not assessed recently</source>
        <translation>Aprendices sin valoración reciente</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the learner</source>
        <translation>Haz doble clic o presiona Intro para abrir al aprendiz</translation>
    </message>
    <message>
        <source>Export li&amp;st…</source>
        <translation>Exportar li&amp;sta…</translation>
    </message>
    <message>
        <source>all groups</source>
        <translation>todos los grupos</translation>
    </message>
    <message>
        <source>Class overview, {where}: {n} learners</source>
        <translation>Resumen de la clase, {where}: {n} aprendices</translation>
    </message>
    <message>
        <source>Overall stage now ({n} assessed): {parts}.</source>
        <translation>Etapa general actual ({n} con valoración): {parts}.</translation>
    </message>
    <message>
        <source>No assessments yet in {where}.</source>
        <translation>Todavía no hay valoraciones en {where}.</translation>
    </message>
    <message>
        <source>{n} learners, {k} assessed</source>
        <translation>{n} aprendices, {k} con valoración</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Aprendiz</translation>
    </message>
    <message>
        <source>Last assessed</source>
        <translation>Última valoración</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Hace</translation>
    </message>
    <message numerus="yes">
        <source>Not assessed since {date} (%n learner(s))</source>
        <translation>
            <numerusform>Sin valoración desde el {date} (%n aprendiz)</numerusform>
            <numerusform>Sin valoración desde el {date} (%n aprendices)</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>Exportar la lista</translation>
    </message>
    <message>
        <source>The file could not be written: {reason}</source>
        <translation>No se pudo escribir el archivo: {reason}</translation>
    </message>
</context>
<context>
    <name>ClassPane</name>
    <message>
        <source>Search learners (Ctrl+F)</source>
        <translation>Buscar aprendices (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search learners by name</source>
        <translation>Buscar aprendices por nombre</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Borrar la búsqueda</translation>
    </message>
    <message>
        <source>Choose a class</source>
        <translation>Elegir una clase</translation>
    </message>
    <message>
        <source>Filter by group</source>
        <translation>Filtrar por grupo</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Todos los grupos</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>Aprendices</translation>
    </message>
    <message>
        <source>&amp;Add learner…</source>
        <translation>&amp;Agregar aprendiz…</translation>
    </message>
    <message>
        <source>&amp;Import class…</source>
        <translation>&amp;Importar clase…</translation>
    </message>
    <message>
        <source>All my learners</source>
        <translation>Todos mis aprendices</translation>
    </message>
    <message numerus="yes">
        <source>{title} (%n learner(s))</source>
        <translation>
            <numerusform>{title} (%n aprendiz)</numerusform>
            <numerusform>{title} (%n aprendices)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s)</source>
        <translation>
            <numerusform>%n aprendiz</numerusform>
            <numerusform>%n aprendices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n learner(s)</source>
        <translation>
            <numerusform>{shown} de %n aprendiz</numerusform>
            <numerusform>{shown} de %n aprendices</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConferencePage</name>
    <message>
        <source>Save the summary</source>
        <translation>Guardar el resumen</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PDF locked with a passphrase (*.pdf)</source>
        <translation>PDF con frase de contraseña (*.pdf)</translation>
    </message>
    <message>
        <source>Conference with {name}</source>
        <translation>Reunión con {name}</translation>
    </message>
    <message>
        <source>Time in this conference</source>
        <translation>Tiempo de esta reunión</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Planned length in minutes</source>
        <translation>Duración prevista en minutos</translation>
    </message>
    <message>
        <source>Time used</source>
        <translation>Tiempo usado</translation>
    </message>
    <message>
        <source>&amp;End and save</source>
        <translation>&amp;Terminar y guardar</translation>
    </message>
    <message>
        <source>Cancel conference</source>
        <translation>Cancelar la reunión</translation>
    </message>
    <message>
        <source>Who is writing</source>
        <translation>Quién escribe</translation>
    </message>
    <message>
        <source>Who leads this conference?</source>
        <translation>¿Quién dirige esta reunión?</translation>
    </message>
    <message>
        <source>The teacher leads</source>
        <translation>Dirige la persona docente</translation>
    </message>
    <message>
        <source>{name} leads</source>
        <translation>Dirige {name}</translation>
    </message>
    <message>
        <source>Planned:</source>
        <translation>Previsto:</translation>
    </message>
    <message>
        <source>Since the last conference ({date})</source>
        <translation>Desde la última reunión ({date})</translation>
    </message>
    <message>
        <source>Since the profile began</source>
        <translation>Desde que comenzó el perfil</translation>
    </message>
    <message>
        <source>Agenda and what changed</source>
        <translation>Agenda y lo que cambió</translation>
    </message>
    <message>
        <source>A&amp;genda</source>
        <translation>A&amp;genda</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>Last check-in</source>
        <translation>Último seguimiento</translation>
    </message>
    <message>
        <source>Goals and evidence</source>
        <translation>Metas y evidencias</translation>
    </message>
    <message>
        <source>Stages: learner and teacher side by side</source>
        <translation>Etapas: aprendiz y docente lado a lado</translation>
    </message>
    <message>
        <source>&amp;Rate the Stages now…</source>
        <translation>&amp;Valorar las etapas ahora…</translation>
    </message>
    <message>
        <source>Stages of Personalized Learning, side by side</source>
        <translation>Etapas del Aprendizaje Personalizado, lado a lado</translation>
    </message>
    <message>
        <source>Next steps we agree on: who does what, by when</source>
        <translation>Próximos pasos que acordamos: quién hace qué y para cuándo</translation>
    </message>
    <message>
        <source>What we talked about</source>
        <translation>De qué conversamos</translation>
    </message>
    <message>
        <source>{learner} and {teacher}</source>
        <translation>{learner} y {teacher}</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Próximos pasos</translation>
    </message>
    <message>
        <source>&amp;Agreed:</source>
        <translation>&amp;Acordamos:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <source>&amp;Who took part:</source>
        <translation>&amp;Participantes:</translation>
    </message>
    <message>
        <source>Next &amp;check-in:</source>
        <translation>Próximo &amp;seguimiento:</translation>
    </message>
    <message>
        <source>Who types first?</source>
        <translation>¿Quién escribe primero?</translation>
    </message>
    <message>
        <source>{name} is writing</source>
        <translation>Escribe {name}</translation>
    </message>
    <message>
        <source>&amp;Your agenda, {name}</source>
        <translation>&amp;Tu agenda, {name}</translation>
    </message>
    <message>
        <source>{name} leads this conference</source>
        <translation>{name} dirige esta reunión</translation>
    </message>
    <message>
        <source>✎ {name} is writing</source>
        <translation>✎ Escribe {name}</translation>
    </message>
    <message>
        <source>Switch: {name} writes</source>
        <translation>Cambiar: escribe {name}</translation>
    </message>
    <message numerus="yes">
        <source>%n min left</source>
        <translation>
            <numerusform>Queda %n min</numerusform>
            <numerusform>Quedan %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Time to wrap up</source>
        <translation>Es hora de cerrar</translation>
    </message>
    <message>
        <source>{line} — goal “{goal}”</source>
        <translation>{line} — meta «{goal}»</translation>
    </message>
    <message>
        <source>Nothing new from the learner yet.</source>
        <translation>Todavía no hay nada nuevo del aprendiz.</translation>
    </message>
    <message>
        <source>Evidence: {text}</source>
        <translation>Evidencia: {text}</translation>
    </message>
    <message>
        <source>Assessed on {date}</source>
        <translation>Valorado el {date}</translation>
    </message>
    <message>
        <source>Not assessed yet</source>
        <translation>Todavía sin valoración</translation>
    </message>
    <message>
        <source>Leave conference mode without saving a record?</source>
        <translation>¿Salir del modo reunión sin guardar un registro?</translation>
    </message>
    <message numerus="yes">
        <source>Conference length: %n minute(s).</source>
        <translation>
            <numerusform>Duración de la reunión: %n minuto.</numerusform>
            <numerusform>Duración de la reunión: %n minutos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Conference saved</source>
        <translation>Reunión guardada</translation>
    </message>
    <message>
        <source>Make a one-page summary (PDF) for {name} and the family?</source>
        <translation>¿Hacer un resumen de una página (PDF) para {name} y su familia?</translation>
    </message>
    <message>
        <source>Nobody in particular</source>
        <translation>Nadie en particular</translation>
    </message>
    <message>
        <source>{name} ({relationship})</source>
        <translation>{name} ({relationship})</translation>
    </message>
    <message>
        <source>Who is the summary for?</source>
        <translation>¿Para quién es el resumen?</translation>
    </message>
    <message>
        <source>The summary</source>
        <translation>El resumen</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>The summary was saved to {path}, locked with the passphrase: any PDF reader opens it with the passphrase.</source>
        <translation>El resumen se guardó en {path}, cerrado con la frase de contraseña: cualquier lector de PDF lo abre con ella.</translation>
    </message>
    <message>
        <source>The PDF could not be written: {reason}</source>
        <translation>No se pudo escribir el PDF: {reason}</translation>
    </message>
    <message>
        <source>The summary was saved to {path}.</source>
        <translation>El resumen se guardó en {path}.</translation>
    </message>
</context>
<context>
    <name>ConferencesTab</name>
    <message>
        <source>Conference records</source>
        <translation>Registros de reuniones</translation>
    </message>
    <message>
        <source>New conference &amp;record</source>
        <translation>Nuevo &amp;registro de reunión</translation>
    </message>
    <message>
        <source>e.g. the learner, their teacher, a parent</source>
        <translation>p. ej. el aprendiz, su docente, una madre o un padre</translation>
    </message>
    <message>
        <source>What we talked about</source>
        <translation>De qué conversamos</translation>
    </message>
    <message>
        <source>What we agreed: next steps, who does what</source>
        <translation>Lo que acordamos: próximos pasos, quién hace qué</translation>
    </message>
    <message>
        <source>Next check-in</source>
        <translation>Próximo seguimiento</translation>
    </message>
    <message>
        <source>Next check-in date</source>
        <translation>Fecha del próximo seguimiento</translation>
    </message>
    <message>
        <source>&amp;Save record</source>
        <translation>&amp;Guardar registro</translation>
    </message>
    <message>
        <source>Conference record</source>
        <translation>Registro de reunión</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>&amp;Who took part:</source>
        <translation>&amp;Participantes:</translation>
    </message>
    <message>
        <source>Who led it:</source>
        <translation>Quién la dirigió:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <source>&amp;Agreed:</source>
        <translation>&amp;Acordamos:</translation>
    </message>
    <message>
        <source>Next:</source>
        <translation>Próximo:</translation>
    </message>
    <message>
        <source>The teacher (a new record)</source>
        <translation>El docente (un registro nuevo)</translation>
    </message>
    <message>
        <source>You led it</source>
        <translation>La dirigiste tú</translation>
    </message>
    <message>
        <source>Led by {name}</source>
        <translation>La dirigió {name}</translation>
    </message>
    <message>
        <source>Your teacher led it</source>
        <translation>La dirigió tu docente</translation>
    </message>
    <message>
        <source>Led by the teacher</source>
        <translation>La dirigió el docente</translation>
    </message>
    <message>
        <source>{learner} and {teacher}</source>
        <translation>{learner} y {teacher}</translation>
    </message>
    <message>
        <source>&amp;Add record</source>
        <translation>&amp;Agregar registro</translation>
    </message>
</context>
<context>
    <name>ConflictCard</name>
    <message>
        <source>{learner} · {what}</source>
        <translation>{learner} · {what}</translation>
    </message>
    <message>
        <source>In your profile now</source>
        <translation>En tu perfil ahora</translation>
    </message>
    <message>
        <source>In the profile now</source>
        <translation>En el perfil ahora</translation>
    </message>
    <message>
        <source>The other version</source>
        <translation>La otra versión</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(quitado)</translation>
    </message>
    <message>
        <source>Keep &amp;this one</source>
        <translation>Quedarse con &amp;esta</translation>
    </message>
    <message>
        <source>Keep the &amp;other one</source>
        <translation>Quedarse con la &amp;otra</translation>
    </message>
    <message>
        <source>Keep &amp;both</source>
        <translation>Quedarse con las &amp;dos</translation>
    </message>
    <message>
        <source>Keep the words in the profile now</source>
        <translation>Mantener las palabras que hay ahora en el perfil</translation>
    </message>
    <message>
        <source>Use the other version instead</source>
        <translation>Usar la otra versión en su lugar</translation>
    </message>
    <message>
        <source>Keep both versions, one after the other</source>
        <translation>Mantener las dos versiones, una después de la otra</translation>
    </message>
    <message>
        <source>&amp;Remove it</source>
        <translation>&amp;Quitarlo</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>&amp;Conservarlo</translation>
    </message>
    <message>
        <source>It stays removed</source>
        <translation>Sigue quitado</translation>
    </message>
    <message>
        <source>Bring it back, with the changed words</source>
        <translation>Traerlo de vuelta, con las palabras cambiadas</translation>
    </message>
    <message>
        <source>Your teacher decides which of these to keep.</source>
        <translation>Tu docente decide con cuál quedarse.</translation>
    </message>
    <message>
        <source>{learner} decides this one: these are their own words.</source>
        <translation>Esto lo decide {learner}: son sus propias palabras.</translation>
    </message>
    <message>
        <source>A teacher of {learner} decides this one.</source>
        <translation>Esto lo decide un docente de {learner}.</translation>
    </message>
</context>
<context>
    <name>DaysOffDialog</name>
    <message>
        <source>School days off</source>
        <translation>Días sin clase</translation>
    </message>
    <message>
        <source>Days the school is closed. The conference rota and the list of who is due skip them, and the days between the school year&apos;s terms.</source>
        <translation>Días en que la escuela está cerrada. El turno de conferencias y la lista de pendientes se los saltan, y también los días entre los trimestres del curso.</translation>
    </message>
    <message>
        <source>Days off</source>
        <translation>Días sin clase</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Día:</translation>
    </message>
    <message>
        <source>What it is (optional)</source>
        <translation>Qué es (opcional)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Add the day off</source>
        <translation>&amp;Añadir el día sin clase</translation>
    </message>
    <message>
        <source>&amp;Remove the chosen day</source>
        <translation>&amp;Quitar el día elegido</translation>
    </message>
    <message>
        <source>Only a school admin adds or removes days off.</source>
        <translation>Solo una persona administradora de la escuela añade o quita días sin clase.</translation>
    </message>
</context>
<context>
    <name>DecisionBanner</name>
    <message>
        <source>&amp;Decide…</source>
        <translation>&amp;Decidir…</translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) in your profile were changed in two places at once. Choose which words to keep.</source>
        <translation>
            <numerusform>%n cosa de tu perfil se cambió en dos sitios a la vez. Elige qué palabras quieres guardar.</numerusform>
            <numerusform>%n cosas de tu perfil se cambiaron en dos sitios a la vez. Elige qué palabras quieres guardar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your teacher has %n thing(s) to decide in your profile.</source>
        <translation>
            <numerusform>Tu docente tiene %n cosa por decidir en tu perfil.</numerusform>
            <numerusform>Tu docente tiene %n cosas por decidir en tu perfil.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) in this profile need your decision: two devices changed the same words.</source>
        <translation>
            <numerusform>%n cosa de este perfil necesita tu decisión: dos dispositivos cambiaron las mismas palabras.</numerusform>
            <numerusform>%n cosas de este perfil necesitan tu decisión: dos dispositivos cambiaron las mismas palabras.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) in this profile wait for the learner to decide.</source>
        <translation>
            <numerusform>%n cosa de este perfil espera la decisión del aprendiz.</numerusform>
            <numerusform>%n cosas de este perfil esperan la decisión del aprendiz.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DecisionList</name>
    <message>
        <source>Some of your words were changed in two places at the same time. Choose which words to keep, or keep both.</source>
        <translation>Algunas de tus palabras se cambiaron en dos sitios a la vez. Elige qué palabras quieres guardar, o guarda las dos.</translation>
    </message>
    <message>
        <source>Two devices changed the same words before they could sync. Both versions are kept until the right person chooses.</source>
        <translation>Dos dispositivos cambiaron las mismas palabras antes de poder sincronizarse. Se guardan las dos versiones hasta que la persona adecuada elija.</translation>
    </message>
    <message>
        <source>Nothing needs a decision.</source>
        <translation>No hay nada que decidir.</translation>
    </message>
    <message>
        <source>Needs a decision</source>
        <translation>Necesita una decisión</translation>
    </message>
</context>
<context>
    <name>DecisionWindow</name>
    <message>
        <source>Needs a decision</source>
        <translation>Necesita una decisión</translation>
    </message>
    <message>
        <source>Whose decisions</source>
        <translation>De quién son las decisiones</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <source>All my learners</source>
        <translation>Todos mis estudiantes</translation>
    </message>
    <message>
        <source>This learner</source>
        <translation>Este aprendiz</translation>
    </message>
</context>
<context>
    <name>DescriptorPanel</name>
    <message>
        <source>Stage descriptors</source>
        <translation>Descriptores de las etapas</translation>
    </message>
    <message>
        <source>Choose an element to see what each stage looks like.</source>
        <translation>Elige un elemento para ver cómo se ve cada etapa.</translation>
    </message>
    <message>
        <source>{element}: what each stage looks like</source>
        <translation>{element}: cómo se ve cada etapa</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Aprendiz</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Docente</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Acordado</translation>
    </message>
</context>
<context>
    <name>DueWindow</name>
    <message>
        <source>Who is due this week</source>
        <extracomment>The profile page of each tab name ``domain.week.TAB_OF`` gives.</extracomment>
        <translation>Quién toca esta semana</translation>
    </message>
    <message>
        <source>Whose week</source>
        <translation>De quién es la semana</translation>
    </message>
    <message>
        <source>&amp;Learners:</source>
        <translation>&amp;Estudiantes:</translation>
    </message>
    <message>
        <source>A day of the week to plan</source>
        <translation>Un día de la semana que planear</translation>
    </message>
    <message>
        <source>&amp;Week of:</source>
        <translation>&amp;Semana del:</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> semanas</translation>
    </message>
    <message>
        <source>A conference with each learner every number of weeks</source>
        <translation>Una conferencia con cada estudiante cada tantas semanas</translation>
    </message>
    <message>
        <source>&amp;Conference every</source>
        <translation>&amp;Conferencia cada</translation>
    </message>
    <message>
        <source>Stages not rated for this many weeks</source>
        <translation>Etapas sin valorar desde hace tantas semanas</translation>
    </message>
    <message>
        <source>Stages not rated in &amp;the last</source>
        <translation>Etapas sin valorar en &amp;las últimas</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Estudiante</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Sobre</translation>
    </message>
    <message>
        <source>Who is due, most urgent first</source>
        <translation>Quién toca, lo más urgente primero</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>&amp;Start the conference</source>
        <translation>&amp;Empezar la conferencia</translation>
    </message>
    <message>
        <source>Day to move the conference to</source>
        <translation>Día al que pasar la conferencia</translation>
    </message>
    <message>
        <source>&amp;Move the conference to</source>
        <translation>&amp;Pasar la conferencia al</translation>
    </message>
    <message>
        <source>Conference</source>
        <translation>Conferencia</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>Action step</source>
        <translation>Paso de acción</translation>
    </message>
    <message>
        <source>Goal past its date</source>
        <translation>Meta con la fecha pasada</translation>
    </message>
    <message>
        <source>Proposal waiting</source>
        <translation>Propuesta pendiente</translation>
    </message>
    <message>
        <source>Answers waiting</source>
        <translation>Respuestas en espera</translation>
    </message>
    <message>
        <source>Stages not rated</source>
        <translation>Etapas sin valorar</translation>
    </message>
    <message>
        <source>Strategy to look at again</source>
        <translation>Estrategia que revisar</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>{day} (overdue)</source>
        <translation>{day} (atrasado)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more)</source>
        <translation>
            <numerusform>%1 (y %n más)</numerusform>
            <numerusform>%1 (y %n más)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) due</source>
        <translation>
            <numerusform>%n cosa pendiente</numerusform>
            <numerusform>%n cosas pendientes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EncryptionDialog</name>
    <message>
        <source>Protect this store with encryption</source>
        <translation>Proteger esta base de datos con cifrado</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>Tu contraseña</translation>
    </message>
    <message>
        <source>Your &amp;password:</source>
        <translation>Tu &amp;contraseña:</translation>
    </message>
    <message>
        <source>&amp;Encrypt the store</source>
        <translation>&amp;Cifrar la base de datos</translation>
    </message>
    <message>
        <source>New &amp;key and recovery key</source>
        <translation>Nueva &amp;clave y nueva clave de recuperación</translation>
    </message>
    <message>
        <source>&amp;Remove the encryption…</source>
        <translation>&amp;Quitar el cifrado…</translation>
    </message>
    <message>
        <source>This store and its backups are encrypted. Teachers who can unlock it with their password: {names}. Others get a key when they sign in here. A new key also makes a new recovery key (the old one stops working).</source>
        <translation>Esta base de datos y sus copias de seguridad están cifradas. Docentes que pueden desbloquearla con su contraseña: {names}. Los demás reciben una clave cuando inician sesión aquí. Una clave nueva también crea una clave de recuperación nueva (la anterior deja de funcionar).</translation>
    </message>
    <message>
        <source>Encrypt this store and its backups, so that a lost or stolen laptop does not expose the learners&apos; records. plprofile then asks for a teacher&apos;s password (or the recovery key) each time it starts; learners sign in after a teacher has unlocked it. You will get a recovery key to print or write down. A backup is made first.

Without encryption, anyone who copies this computer&apos;s files can read the profiles, and can work out a learner&apos;s PIN from them in minutes (a teacher&apos;s long password holds out far longer).</source>
        <translation>Cifra esta base de datos y sus copias de seguridad, para que una computadora perdida o robada no exponga los registros de los aprendices. Después, plprofile pide la contraseña de un docente (o la clave de recuperación) cada vez que se abre; los aprendices inician sesión cuando un docente la ha desbloqueado. Recibirás una clave de recuperación para imprimirla o anotarla. Primero se hace una copia de seguridad.

Sin cifrado, cualquiera que copie los archivos de esta computadora puede leer los perfiles y averiguar el PIN de un aprendiz en minutos (la contraseña larga de un docente resiste mucho más).</translation>
    </message>
    <message>
        <source>That is not your password.</source>
        <translation>Esa no es tu contraseña.</translation>
    </message>
    <message>
        <source>A password needs at least {n} characters.</source>
        <translation>Una contraseña necesita al menos {n} caracteres.</translation>
    </message>
    <message>
        <source>Remove the encryption?</source>
        <translation>¿Quitar el cifrado?</translation>
    </message>
    <message>
        <source>The store and its backups will be readable by anyone who has this computer or its disk. Remove the encryption?</source>
        <translation>Cualquier persona que tenga esta computadora o su disco podrá leer la base de datos y sus copias de seguridad. ¿Quitar el cifrado?</translation>
    </message>
    <message>
        <source>Working: a backup first, then the store and its backups…</source>
        <translation>Trabajando: primero una copia de seguridad, luego la base de datos y sus copias…</translation>
    </message>
    <message numerus="yes">
        <source>Done. %n backup(s) converted as well.</source>
        <translation>
            <numerusform>Listo. También se convirtió %n copia de seguridad.</numerusform>
            <numerusform>Listo. También se convirtieron %n copias de seguridad.</numerusform>
        </translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Cifrado</translation>
    </message>
    <message>
        <source>The store is encrypted.</source>
        <translation>La base de datos está cifrada.</translation>
    </message>
    <message>
        <source>The store is no longer encrypted.</source>
        <translation>La base de datos ya no está cifrada.</translation>
    </message>
</context>
<context>
    <name>EntryList</name>
    <message>
        <source>Entry</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Escrito por</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>New entry for {section}</source>
        <translation>Nueva entrada para {section}</translation>
    </message>
    <message>
        <source>Teacher only</source>
        <translation>Solo docentes</translation>
    </message>
    <message>
        <source>Only teachers see this entry; the learner does not</source>
        <translation>Solo los docentes ven esta entrada; el aprendiz no</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <source>Add to {section}</source>
        <translation>Agregar a {section}</translation>
    </message>
    <message>
        <source>Suggest a change…</source>
        <translation>Sugerir un cambio…</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Suggested: {text}</source>
        <translation>Sugerencia: {text}</translation>
    </message>
    <message>
        <source>{text} (teacher only)</source>
        <translation>{text} (solo docentes)</translation>
    </message>
    <message>
        <source>Suggest a change</source>
        <translation>Sugerir un cambio</translation>
    </message>
    <message>
        <source>Your suggestion stands beside the learner&apos;s words until they decide:</source>
        <translation>Tu sugerencia queda junto a las palabras del aprendiz hasta que decida:</translation>
    </message>
    <message>
        <source>Edit entry</source>
        <translation>Editar la entrada</translation>
    </message>
    <message>
        <source>Entry:</source>
        <translation>Entrada:</translation>
    </message>
    <message>
        <source>Remove entry</source>
        <translation>Quitar la entrada</translation>
    </message>
    <message>
        <source>Remove “{text}”?</source>
        <translation>¿Quitar «{text}»?</translation>
    </message>
</context>
<context>
    <name>EvidenceFiles</name>
    <message>
        <source>Add a &amp;file…</source>
        <extracomment>The evidence list&apos;s column that says who sees each piece (the learner&apos;s say, issue 20).</extracomment>
        <translation>Añadir un &amp;archivo…</translation>
    </message>
    <message>
        <source>Add a photo, a scan, a PDF or a sound recording (at most {limit}). You can also drop files on the list, or paste a picture with Ctrl+V.</source>
        <translation>Añade una foto, un escaneo, un PDF o una grabación de sonido (como mucho {limit}). También puedes soltar archivos en la lista o pegar una imagen con Ctrl+V.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>A&amp;brir</translation>
    </message>
    <message>
        <source>Open the chosen file</source>
        <translation>Abrir el archivo elegido</translation>
    </message>
    <message>
        <source>{star} Best work</source>
        <translation>{star} Mi mejor trabajo</translation>
    </message>
    <message>
        <source>Mark this as your best work</source>
        <translation>Marca esto como tu mejor trabajo</translation>
    </message>
    <message>
        <source>Best work</source>
        <translation>Mejor trabajo</translation>
    </message>
    <message>
        <source>Your family sees this in your family summary</source>
        <translation>Tu familia lo ve en tu resumen para la familia</translation>
    </message>
    <message>
        <source>My family sees this too</source>
        <translation>Mi familia también lo ve</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the chosen evidence from the goal (you can bring it back)</source>
        <translation>Quitar de la meta la evidencia elegida (puedes recuperarla)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>Bring the removed evidence back</source>
        <translation>Recuperar la evidencia quitada</translation>
    </message>
    <message>
        <source>“{what}” was removed. You can bring it back.</source>
        <translation>Se quitó «{what}». Puedes recuperarla.</translation>
    </message>
    <message>
        <source>{width} × {height} pixels, {size} (made smaller from {ow} × {oh} pixels, {osize})</source>
        <translation>{width} × {height} píxeles, {size} (reducida desde {ow} × {oh} píxeles, {osize})</translation>
    </message>
    <message>
        <source>{width} × {height} pixels, {size}</source>
        <translation>{width} × {height} píxeles, {size}</translation>
    </message>
    <message>
        <source>Add a file to the evidence</source>
        <translation>Añadir un archivo a la evidencia</translation>
    </message>
    <message>
        <source>Photos, PDFs and recordings (*.png *.jpg *.jpeg *.webp *.heic *.pdf *.mp3 *.m4a *.ogg *.wav);;All files (*)</source>
        <translation>Fotos, PDF y grabaciones (*.png *.jpg *.jpeg *.webp *.heic *.pdf *.mp3 *.m4a *.ogg *.wav);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>pasted-picture.png</source>
        <translation>imagen-pegada.png</translation>
    </message>
    <message>
        <source>This file cannot be added</source>
        <translation>No se puede añadir este archivo</translation>
    </message>
    <message>
        <source>dropped-picture.png</source>
        <translation>imagen-soltada.png</translation>
    </message>
</context>
<context>
    <name>FamilyBox</name>
    <message>
        <source>guardian</source>
        <translation>tutor legal</translation>
    </message>
    <message>
        <source>parent</source>
        <translation>madre o padre</translation>
    </message>
    <message>
        <source>relative</source>
        <translation>familiar</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familia</translation>
    </message>
    <message>
        <source>Family contacts</source>
        <translation>Contactos de la familia</translation>
    </message>
    <message>
        <source>{name} ({relationship})</source>
        <translation>{name} ({relationship})</translation>
    </message>
</context>
<context>
    <name>FeedWindow</name>
    <message>
        <source>What changed since</source>
        <translation>Qué ha cambiado desde</translation>
    </message>
    <message>
        <source>Whose changes</source>
        <translation>De quién son los cambios</translation>
    </message>
    <message>
        <source>&amp;Learners:</source>
        <translation>&amp;Estudiantes:</translation>
    </message>
    <message>
        <source>Changes since this day</source>
        <translation>Cambios desde este día</translation>
    </message>
    <message>
        <source>&amp;Since:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>Since I last &amp;looked</source>
        <translation>Desde la última &amp;vez que miré</translation>
    </message>
    <message>
        <source>&amp;Mark all as read</source>
        <translation>&amp;Marcar todo como leído</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>What they wrote</source>
        <translation>Lo que escribieron</translation>
    </message>
    <message>
        <source>Changes by learner, newest first</source>
        <translation>Cambios por estudiante, los más recientes primero</translation>
    </message>
    <message>
        <source>Goal: {statement}</source>
        <translation>Meta: {statement}</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n cambio</numerusform>
            <numerusform>%n cambios</numerusform>
        </translation>
    </message>
    <message>
        <source>removed</source>
        <translation>quitado</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) by these learners</source>
        <translation>
            <numerusform>%n cambio de estos estudiantes</numerusform>
            <numerusform>%n cambios de estos estudiantes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GoalsTab</name>
    <message>
        <source>Goals</source>
        <translation>Metas</translation>
    </message>
    <message>
        <source>&amp;New goal</source>
        <translation>&amp;Nueva meta</translation>
    </message>
    <message>
        <source>Start a new goal (Ctrl+G)</source>
        <translation>Empezar una meta nueva (Ctrl+G)</translation>
    </message>
    <message>
        <source>My goal, in my words</source>
        <translation>Mi meta, con mis palabras</translation>
    </message>
    <message>
        <source>Why it matters to me</source>
        <translation>Por qué me importa</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Fecha objetivo</translation>
    </message>
    <message>
        <source>&amp;Save goal</source>
        <translation>&amp;Guardar meta</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>&amp;Goal:</source>
        <translation>&amp;Meta:</translation>
    </message>
    <message>
        <source>&amp;Why it matters:</source>
        <translation>&amp;Por qué me importa:</translation>
    </message>
    <message>
        <source>&amp;Focus:</source>
        <translation>&amp;Enfoque:</translation>
    </message>
    <message>
        <source>Kind of &amp;goal:</source>
        <translation>Tipo de &amp;meta:</translation>
    </message>
    <message>
        <source>&amp;Lens:</source>
        <translation>&amp;Lente:</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Fecha objetivo:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>Es&amp;tado:</translation>
    </message>
    <message>
        <source>Action step</source>
        <translation>Paso de acción</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>Action steps</source>
        <translation>Pasos de acción</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Próximo paso</translation>
    </message>
    <message>
        <source>New action step</source>
        <translation>Nuevo paso de acción</translation>
    </message>
    <message>
        <source>Who does it</source>
        <translation>Quién lo hace</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Agregar paso</translation>
    </message>
    <message>
        <source>Supports from the backpack</source>
        <translation>Apoyos de la mochila</translation>
    </message>
    <message>
        <source>Supports from my backpack</source>
        <translation>Apoyos de mi mochila</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencia</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Agregada</translation>
    </message>
    <message>
        <source>Who sees it</source>
        <translation>Quién lo ve</translation>
    </message>
    <message>
        <source>What it shows, or a web link</source>
        <translation>Qué muestra, o un enlace web</translation>
    </message>
    <message>
        <source>Evidence: what it shows, or a web link</source>
        <translation>Evidencia: qué muestra, o un enlace web</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <source>Add these words, or this web link, to the goal&apos;s evidence (Ctrl+E goes to the evidence field)</source>
        <translation>Agrega estas palabras, o este enlace web, a la evidencia de la meta (Ctrl+E lleva al campo de evidencia)</translation>
    </message>
    <message>
        <source>Add evidence</source>
        <translation>Agregar evidencia</translation>
    </message>
    <message>
        <source>Evidence of progress</source>
        <translation>Evidencias de progreso</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>How it&apos;s going</source>
        <translation>Cómo va</translation>
    </message>
    <message>
        <source>Reflection</source>
        <translation>Reflexión</translation>
    </message>
    <message>
        <source>Progress check-ins</source>
        <translation>Seguimientos del progreso</translation>
    </message>
    <message>
        <source>How is it going?</source>
        <translation>¿Cómo te va?</translation>
    </message>
    <message>
        <source>My reflection</source>
        <translation>Mi reflexión</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Registrar seguimiento</translation>
    </message>
    <message>
        <source>⚑ past its date ({date})</source>
        <translation>⚑ ya pasó su fecha ({date})</translation>
    </message>
    <message>
        <source>Written by {who} · {agreement}</source>
        <translation>Escrita por {who} · {agreement}</translation>
    </message>
    <message>
        <source>A new goal</source>
        <translation>Una meta nueva</translation>
    </message>
    <message>
        <source>&amp;Add goal</source>
        <translation>&amp;Agregar meta</translation>
    </message>
    <message>
        <source>First choose how it is going.</source>
        <translation>Primero elige cómo te va.</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>Show changes by</source>
        <translation>Mostrar cambios hechos por</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>The learner</source>
        <translation>El aprendiz</translation>
    </message>
    <message>
        <source>Teachers</source>
        <translation>Docentes</translation>
    </message>
    <message>
        <source>History of changes</source>
        <translation>Historial de cambios</translation>
    </message>
    <message>
        <source>Show changes by:</source>
        <translation>Mostrar cambios de:</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n cambio</numerusform>
            <numerusform>%n cambios</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HubSync</name>
    <message>
        <source>That code is not right. Check each letter or word, or ask your teacher.</source>
        <translation>Ese código no está bien. Mira cada letra o palabra, o pregunta a tu profe.</translation>
    </message>
    <message>
        <source>That code was used already. Ask your teacher for a new one.</source>
        <translation>Ese código ya se usó. Pide uno nuevo a tu profe.</translation>
    </message>
    <message>
        <source>That code is too old. Ask your teacher for a new one.</source>
        <translation>Ese código es muy viejo. Pide uno nuevo a tu profe.</translation>
    </message>
    <message>
        <source>This is not your school&apos;s computer. Nothing was sent. Tell your teacher.</source>
        <translation>Este no es el ordenador de tu escuela. No se envió nada. Díselo a tu profe.</translation>
    </message>
    <message>
        <source>Your teacher switched off this device. Ask your teacher to connect it again.</source>
        <translation>Tu profe apagó este aparato. Pide a tu profe que lo conecte otra vez.</translation>
    </message>
    <message>
        <source>plprofile on this device is too old. Ask your teacher to update it.</source>
        <translation>plprofile es muy viejo en este aparato. Pide a tu profe que lo actualice.</translation>
    </message>
    <message>
        <source>The school&apos;s computer needs an update. Tell your teacher.</source>
        <translation>El ordenador de la escuela necesita una actualización. Díselo a tu profe.</translation>
    </message>
    <message>
        <source>The school does not know this device any more. Ask your teacher.</source>
        <translation>La escuela ya no conoce este aparato. Pregunta a tu profe.</translation>
    </message>
    <message>
        <source>The school&apos;s computer cannot be reached. Your work is safe here and goes later.</source>
        <translation>No se llega al ordenador de la escuela. Tu trabajo está guardado aquí y se envía luego.</translation>
    </message>
    <message>
        <source>That pairing code is not right: check it, or ask the school&apos;s admin for a new one. Nothing was changed.</source>
        <translation>Ese código de vinculación no es correcto: revíselo o pida uno nuevo a la administración del centro. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>That pairing code was already used: ask the school&apos;s admin for a new one.</source>
        <translation>Ese código de vinculación ya se usó: pida uno nuevo a la administración del centro.</translation>
    </message>
    <message>
        <source>That pairing code has expired (codes last 24 hours): ask the school&apos;s admin for a new one.</source>
        <translation>Ese código de vinculación ha caducado (los códigos duran 24 horas): pida uno nuevo a la administración del centro.</translation>
    </message>
    <message>
        <source>The hub at this address shows a different certificate from the one this device trusts: it may not be the school&apos;s hub. Nothing was sent. If the school replaced the hub&apos;s certificate, disconnect this device and pair it again.</source>
        <translation>El servidor de esta dirección muestra un certificado distinto del que este dispositivo reconoce: puede que no sea el servidor del centro. No se ha enviado nada. Si el centro cambió el certificado del servidor, desconecte este dispositivo y vincúlelo de nuevo.</translation>
    </message>
    <message>
        <source>This device was revoked on the school hub: nothing more is sent or received. Ask the school&apos;s admin for a new pairing code.</source>
        <translation>Este dispositivo fue revocado en el servidor del centro: ya no se envía ni se recibe nada. Pida un nuevo código de vinculación a la administración del centro.</translation>
    </message>
    <message>
        <source>plprofile on this device is older than the hub&apos;s: update plprofile, then sync again. Your changes wait here.</source>
        <translation>plprofile en este dispositivo es más antiguo que el del servidor: actualice plprofile y sincronice de nuevo. Sus cambios esperan aquí.</translation>
    </message>
    <message>
        <source>plprofile on this device is newer than the hub&apos;s: ask the school to update the hub. Your changes wait here.</source>
        <translation>plprofile en este dispositivo es más reciente que el del servidor: pida al centro que actualice el servidor. Sus cambios esperan aquí.</translation>
    </message>
    <message>
        <source>The hub no longer knows this device or its account: disconnect it and pair it again with a new code.</source>
        <translation>El servidor ya no conoce este dispositivo o su cuenta: desconéctelo y vincúlelo de nuevo con un código nuevo.</translation>
    </message>
    <message>
        <source>The school hub cannot be reached. Your changes are kept on this device and sent when it is back.</source>
        <translation>No se puede llegar al servidor del centro. Sus cambios se guardan en este dispositivo y se envían cuando vuelva.</translation>
    </message>
    <message>
        <source>That is not a hub address: it looks like https://hub.school.example:8443.</source>
        <translation>Eso no es la dirección de un servidor: tiene esta forma: https://hub.school.example:8443.</translation>
    </message>
    <message>
        <source>This device is already connected to a hub: disconnect it first.</source>
        <translation>Este dispositivo ya está conectado a un servidor: desconéctelo primero.</translation>
    </message>
    <message>
        <source>This device is not connected to a school hub.</source>
        <translation>Este dispositivo no está conectado a un servidor del centro.</translation>
    </message>
    <message>
        <source>Something went wrong with the school&apos;s computer. Tell your teacher.</source>
        <translation>Algo falló con el ordenador de la escuela. Díselo a tu profe.</translation>
    </message>
    <message>
        <source>The school hub refused: {reason}</source>
        <translation>El servidor del centro lo rechazó: {reason}</translation>
    </message>
    <message>
        <source>This code makes this device {name}&apos;s own: it will hold only {name}&apos;s profile and open on {name}&apos;s PIN screen.</source>
        <translation>Este código hace que este dispositivo sea de {name}: solo guardará el perfil de {name} y se abrirá en la pantalla del PIN de {name}.</translation>
    </message>
    <message>
        <source>This code connects this device as the school admin {name}: it will hold every learner of the school.</source>
        <translation>Este código conecta este dispositivo como la administración del centro ({name}): guardará a todo el alumnado del centro.</translation>
    </message>
    <message>
        <source>This code connects this device as the teacher {name}: it will hold the learners of {name}&apos;s classes.</source>
        <translation>Este código conecta este dispositivo como el docente {name}: guardará al alumnado de las clases de {name}.</translation>
    </message>
    <message>
        <source>School hub</source>
        <extracomment>``refresh_views``: show what arrived while a field had the cursor, nothing more. after a round that brought changes (its RoundResult): the panes that show data refresh the count of disagreements in the status was clicked (the lead wires it to the *Needs a decision* list)</extracomment>
        <translation>Servidor del centro</translation>
    </message>
    <message>
        <source>Disconnect this device from the school? {name}&apos;s profile is taken off this device. It stays safe at school.</source>
        <translation>¿Desconectar este aparato de la escuela? El perfil de {name} se quita de este aparato. Sigue guardado en la escuela.</translation>
    </message>
    <message>
        <source>Disconnect this device from the school hub? It stops syncing; the profiles on it stay here. To sync again it needs a new pairing code.</source>
        <translation>¿Desconectar este dispositivo del servidor del centro? Deja de sincronizarse; los perfiles que tiene se quedan aquí. Para volver a sincronizar necesita un código de vinculación nuevo.</translation>
    </message>
    <message>
        <source>Disconnect this device</source>
        <translation>Desconectar este dispositivo</translation>
    </message>
    <message>
        <source>This device is disconnected from the school hub.</source>
        <translation>Este dispositivo está desconectado del servidor del centro.</translation>
    </message>
    <message>
        <source>This device is disconnected, but the school hub could not be reached: the hub still lists this device until a teacher revokes it there.</source>
        <translation>Este dispositivo está desconectado, pero no se pudo llegar al servidor del centro: el servidor sigue mostrando este dispositivo hasta que un docente lo revoque allí.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) made here have not reached the school yet: connect to the network and sync first. Nothing was removed.</source>
        <translation>
            <numerusform>%n cambio hecho aquí aún no ha llegado al centro: conéctese a la red y sincronice primero. No se ha quitado nada.</numerusform>
            <numerusform>%n cambios hechos aquí aún no han llegado al centro: conéctese a la red y sincronice primero. No se ha quitado nada.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import a profile</source>
        <translation>Importar un perfil</translation>
    </message>
    <message>
        <source>entries</source>
        <translation>entradas</translation>
    </message>
    <message>
        <source>backpack items</source>
        <translation>elementos de la mochila</translation>
    </message>
    <message>
        <source>voice and choice options</source>
        <translation>opciones de voz y elección</translation>
    </message>
    <message>
        <source>goals</source>
        <translation>metas</translation>
    </message>
    <message>
        <source>action steps</source>
        <translation>pasos de acción</translation>
    </message>
    <message>
        <source>goal supports</source>
        <translation>apoyos de metas</translation>
    </message>
    <message>
        <source>pieces of evidence</source>
        <translation>evidencias</translation>
    </message>
    <message>
        <source>check-ins</source>
        <translation>seguimientos</translation>
    </message>
    <message>
        <source>conferences</source>
        <translation>reuniones</translation>
    </message>
    <message>
        <source>things said at conferences</source>
        <translation>cosas dichas en reuniones</translation>
    </message>
    <message>
        <source>Stages assessments</source>
        <translation>valoraciones de las etapas</translation>
    </message>
    <message>
        <source>Stages ratings</source>
        <translation>puntuaciones de las etapas</translation>
    </message>
    <message>
        <source>student ID {id}</source>
        <translation>identificador del estudiante {id}</translation>
    </message>
    <message>
        <source>What the file holds</source>
        <translation>Lo que contiene el archivo</translation>
    </message>
    <message>
        <source>{name} is already in this store. Merging adds what the file has and this store has not; nothing here is changed, and you are told what was left as it was.</source>
        <translation>{name} ya está en esta base de datos. Combinar añade lo que el archivo tiene y esta base de datos no; aquí no se cambia nada, y se le dice qué quedó como estaba.</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Combinar</translation>
    </message>
    <message>
        <source>{name} will be added to this store with everything in the file.</source>
        <translation>{name} se añadirá a esta base de datos con todo lo que hay en el archivo.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>LastYearView</name>
    <message>
        <source>You last year ({year})</source>
        <translation>Tú el año pasado ({year})</translation>
    </message>
    <message>
        <source>{name} last year ({year})</source>
        <translation>{name} el año pasado ({year})</translation>
    </message>
    <message>
        <source>Kept as it was on {day}. It cannot be changed.</source>
        <translation>Guardado tal como estaba el {day}. No se puede cambiar.</translation>
    </message>
    <message>
        <source>Your goals</source>
        <translation>Tus metas</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Metas</translation>
    </message>
    <message>
        <source>No goals that year.</source>
        <translation>Ninguna meta ese año.</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>Evidencia:</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>El año pasado</translation>
    </message>
    <message>
        <source>There is nothing from last year yet. Your profile is kept like this when a school year ends.</source>
        <translation>Todavía no hay nada del año pasado. Tu perfil se guarda así cuando termina un curso escolar.</translation>
    </message>
    <message>
        <source>There is no snapshot of an earlier school year for this learner yet.</source>
        <translation>Todavía no hay una instantánea de un curso escolar anterior de este aprendiz.</translation>
    </message>
</context>
<context>
    <name>LearnerHome</name>
    <message>
        <source>Pages of your profile</source>
        <translation>Páginas de tu perfil</translation>
    </message>
    <message>
        <source>Your goals</source>
        <translation>Tus metas</translation>
    </message>
    <message>
        <source>What your teacher asked you</source>
        <translation>Lo que te preguntó tu docente</translation>
    </message>
    <message>
        <source>Suggestions waiting for you</source>
        <translation>Sugerencias que te esperan</translation>
    </message>
    <message>
        <source>Your next conference</source>
        <translation>Tu próxima reunión</translation>
    </message>
    <message>
        <source>Something to bring to it</source>
        <translation>Algo para llevar</translation>
    </message>
    <message>
        <source>Something to bring to your next conference</source>
        <translation>Algo para llevar a tu próxima reunión</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Add it for your next conference</source>
        <translation>Añádelo para tu próxima reunión</translation>
    </message>
    <message>
        <source>The rest of your profile</source>
        <translation>El resto de tu perfil</translation>
    </message>
    <message>
        <source>Hi, {name}!</source>
        <translation>¡Hola, {name}!</translation>
    </message>
    <message>
        <source>Saved: {how}. Well done for checking in!</source>
        <translation>Guardado: {how}. ¡Bien hecho!</translation>
    </message>
    <message>
        <source>You have no goals yet. Make one on the Goals page.</source>
        <translation>Todavía no tienes metas. Haz una en la página Metas.</translation>
    </message>
    <message>
        <source>Your next talk with your teacher is on {date}.</source>
        <translation>Tu próxima charla con tu docente es el {date}.</translation>
    </message>
    <message>
        <source>There is no date yet. Your teacher will tell you.</source>
        <translation>Todavía no hay fecha. Tu docente te lo dirá.</translation>
    </message>
    <message>
        <source>What do you want to talk about? Add it here.</source>
        <translation>¿De qué quieres hablar? Añádelo aquí.</translation>
    </message>
</context>
<context>
    <name>LearnerOperations</name>
    <message>
        <source>Import a class</source>
        <translation>Importar una clase</translation>
    </message>
    <message>
        <source>Class files: CSV, a school&apos;s OneRoster .zip, or the manifest.csv of a OneRoster folder (*.csv *.txt *.zip);;All files (*)</source>
        <translation>Archivos de clase: CSV, el .zip OneRoster del centro o el manifest.csv de una carpeta OneRoster (*.csv *.txt *.zip);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}</source>
        <translation>No se puede leer el archivo: {reason}</translation>
    </message>
    <message>
        <source>Nothing was imported.

{problems}</source>
        <translation>No se importó nada.

{problems}</translation>
    </message>
    <message numerus="yes">
        <source>Import %n learner(s) from {name}?</source>
        <translation>
            <numerusform>¿Importar %n aprendiz desde {name}?</numerusform>
            <numerusform>¿Importar %n aprendices desde {name}?</numerusform>
        </translation>
    </message>
    <message>
        <source>Read as {encoding}: {names}</source>
        <translation>Leído como {encoding}: {names}</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message>
        <source>Importing {count} of {total} learners…</source>
        <translation>Importando {count} de {total} aprendices…</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n learner(s).</source>
        <translation>
            <numerusform>Se importó %n aprendiz.</numerusform>
            <numerusform>Se importaron %n aprendices.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported.

{problem}</source>
        <translation>No se importó nada.

{problem}</translation>
    </message>
    <message>
        <source>Remove learner</source>
        <translation>Quitar aprendiz</translation>
    </message>
    <message>
        <source>Remove {name} from the class list? Their profile is kept and can be restored.</source>
        <translation>¿Quitar a {name} de la lista de la clase? Su perfil se conserva y se puede restaurar.</translation>
    </message>
    <message>
        <source>Delete permanently</source>
        <translation>Eliminar definitivamente</translation>
    </message>
    <message numerus="yes">
        <source>This erases everything about {name}: their profile, goals, check-ins, assessments, conferences, history and sign-in. They are erased from this computer&apos;s store and from every backup of it in its backups folder (%n backup(s)), and cannot be brought back. Copies kept somewhere else (a USB stick, a protected copy, a saved summary) are not reached.

Type the learner&apos;s family name to confirm:</source>
        <translation>
            <numerusform>Esto borra todo lo relativo a {name}: su perfil, metas, seguimientos, valoraciones, reuniones, historial y acceso. Se borra de la base de datos de esta computadora y de todas sus copias de seguridad en la carpeta de copias (%n copia de seguridad), y no se puede recuperar. Las copias guardadas en otro sitio (una memoria USB, una copia protegida, un resumen guardado) no se alcanzan.

Escribe el apellido del aprendiz para confirmar:</numerusform>
            <numerusform>Esto borra todo lo relativo a {name}: su perfil, metas, seguimientos, valoraciones, reuniones, historial y acceso. Se borra de la base de datos de esta computadora y de todas sus copias de seguridad en la carpeta de copias (%n copias de seguridad), y no se puede recuperar. Las copias guardadas en otro sitio (una memoria USB, una copia protegida, un resumen guardado) no se alcanzan.

Escribe el apellido del aprendiz para confirmar:</numerusform>
        </translation>
    </message>
    <message>
        <source>The name did not match; nothing was deleted.</source>
        <translation>El nombre no coincide; no se eliminó nada.</translation>
    </message>
    <message>
        <source>Erasing {name} from the store and its backups…</source>
        <translation>Borrando a {name} de la base de datos y de sus copias de seguridad…</translation>
    </message>
    <message numerus="yes">
        <source>{name} is erased from the store and from %n backup(s).</source>
        <translation>
            <numerusform>{name} se ha borrado de la base de datos y de %n copia de seguridad.</numerusform>
            <numerusform>{name} se ha borrado de la base de datos y de %n copias de seguridad.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LearnerTableModel</name>
    <message>
        <source>{name} (disabled)</source>
        <translation>{name} (desactivado)</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Aprendiz</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grado</translation>
    </message>
</context>
<context>
    <name>LensesTab</name>
    <message>
        <source>Access: how I take in information · Engage: what keeps me going · Express: how I show what I know</source>
        <translation>Acceder: cómo recibo la información · Participar: qué me mantiene motivado · Expresar: cómo muestro lo que sé</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>plprofile — Personal Learner Profiles</source>
        <extracomment>Once, when the window first takes input: the sign-in screen (shown before the store is open when the file says it can be), the first teacher&apos;s form, or the session itself.</extracomment>
        <translation>plprofile — Perfiles personales del aprendiz</translation>
    </message>
    <message>
        <source>&amp;Add learner…</source>
        <translation>&amp;Agregar aprendiz…</translation>
    </message>
    <message>
        <source>Opening the store…</source>
        <translation>Abriendo la base de datos…</translation>
    </message>
    <message>
        <source>Opening {path}…</source>
        <translation>Abriendo {path}…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Import class from CSV…</source>
        <extracomment>The menus a learner&apos;s session does not show at all.</extracomment>
        <translation>&amp;Importar clase desde CSV…</translation>
    </message>
    <message>
        <source>Load a school &amp;framework…</source>
        <translation>Cargar un &amp;marco escolar…</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>&amp;Copias de seguridad…</translation>
    </message>
    <message>
        <source>Protect this store with &amp;encryption…</source>
        <translation>Proteger esta base de datos con ci&amp;frado…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Ce&amp;rrar sesión</translation>
    </message>
    <message>
        <source>Lock after idle &amp;time…</source>
        <translation>Bloquear tras inac&amp;tividad…</translation>
    </message>
    <message>
        <source>Lan&amp;guage…</source>
        <translation>Idi&amp;oma…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Learner</source>
        <translation>A&amp;prendiz</translation>
    </message>
    <message>
        <source>&amp;School</source>
        <translation>&amp;Centro</translation>
    </message>
    <message>
        <source>Co&amp;nnect to the school hub…</source>
        <translation>Co&amp;nectar al servidor del centro…</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>Sincroni&amp;zar ahora</translation>
    </message>
    <message>
        <source>Show a pairing code to a de&amp;vice…</source>
        <translation>Mostrar un código de vinculación a un dispositi&amp;vo…</translation>
    </message>
    <message>
        <source>&amp;Disconnect this device…</source>
        <translation>&amp;Desconectar este dispositivo…</translation>
    </message>
    <message>
        <source>Sa&amp;ve changes to a file…</source>
        <translation>&amp;Guardar cambios en un archivo…</translation>
    </message>
    <message>
        <source>Loa&amp;d changes from a file…</source>
        <translation>Cargar cambios desde un archi&amp;vo…</translation>
    </message>
    <message>
        <source>&amp;Find learner</source>
        <translation>&amp;Buscar aprendiz</translation>
    </message>
    <message>
        <source>&amp;Next learner</source>
        <translation>&amp;Siguiente aprendiz</translation>
    </message>
    <message>
        <source>&amp;Previous learner</source>
        <translation>Aprendiz a&amp;nterior</translation>
    </message>
    <message>
        <source>Start &amp;conference</source>
        <translation>Iniciar &amp;reunión</translation>
    </message>
    <message>
        <source>New &amp;goal</source>
        <translation>Nueva &amp;meta</translation>
    </message>
    <message>
        <source>Add &amp;evidence to the goal</source>
        <translation>Agregar &amp;evidencia a la meta</translation>
    </message>
    <message>
        <source>Strategies to tr&amp;y…</source>
        <translation>Estrategias para &amp;probar…</translation>
    </message>
    <message>
        <source>Needs a decisi&amp;on…</source>
        <translation>Necesi&amp;ta una decisión…</translation>
    </message>
    <message>
        <source>As&amp;k a question…</source>
        <translation>&amp;Hacer una pregunta…</translation>
    </message>
    <message>
        <source>&amp;Remove learner from the class…</source>
        <translation>&amp;Quitar aprendiz de la clase…</translation>
    </message>
    <message>
        <source>&amp;Delete learner permanently…</source>
        <translation>E&amp;liminar aprendiz definitivamente…</translation>
    </message>
    <message>
        <source>E&amp;xport the whole profile…</source>
        <translation>E&amp;xportar el perfil completo…</translation>
    </message>
    <message>
        <source>&amp;Import a profile…</source>
        <translation>&amp;Importar un perfil…</translation>
    </message>
    <message>
        <source>&amp;Set or reset sign-in PIN…</source>
        <translation>Definir o restablecer el &amp;PIN de acceso…</translation>
    </message>
    <message>
        <source>&amp;Unlock learner&apos;s sign-in</source>
        <translation>&amp;Desbloquear el acceso del aprendiz</translation>
    </message>
    <message>
        <source>Add a &amp;teacher account…</source>
        <translation>Agregar una cuenta de &amp;docente…</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Cuentas…</translation>
    </message>
    <message>
        <source>C&amp;hange my password…</source>
        <translation>Cambiar mi co&amp;ntraseña…</translation>
    </message>
    <message>
        <source>Start a &amp;new school year…</source>
        <translation>Empezar un &amp;nuevo curso escolar…</translation>
    </message>
    <message>
        <source>School &amp;days off…</source>
        <translation>&amp;Días sin clase…</translation>
    </message>
    <message>
        <source>&amp;Me last year…</source>
        <translation>&amp;Yo el año pasado…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Class overview…</source>
        <translation>&amp;Resumen de la clase…</translation>
    </message>
    <message>
        <source>Class learning &amp;snapshot…</source>
        <translation>&amp;Instantánea de aprendizaje de la clase…</translation>
    </message>
    <message>
        <source>Who is &amp;due this week…</source>
        <translation>&amp;Quién toca esta semana…</translation>
    </message>
    <message>
        <source>What c&amp;hanged since…</source>
        <translation>Qué ha &amp;cambiado desde…</translation>
    </message>
    <message>
        <source>&amp;Text size…</source>
        <translation>&amp;Tamaño del texto…</translation>
    </message>
    <message>
        <source>Choose a goal first: evidence belongs to a goal.</source>
        <translation>Primero elige una meta: la evidencia pertenece a una meta.</translation>
    </message>
    <message>
        <source>Demo class: teachers sign in as “{user}” with “{password}”; learners with their sign-in name (e.g. “zoem”) and PIN {pin}.</source>
        <translation>Clase de demostración: los docentes inician sesión como «{user}» con «{password}»; los aprendices, con su nombre de usuario (p. ej. «zoem») y el PIN {pin}.</translation>
    </message>
    <message>
        <source>plprofile — {who}</source>
        <translation>plprofile — {who}</translation>
    </message>
</context>
<context>
    <name>NewYearDialog</name>
    <message>
        <source>Start a new school year</source>
        <translation>Empezar un nuevo curso escolar</translation>
    </message>
    <message>
        <source>&amp;Name of the new year:</source>
        <translation>&amp;Nombre del nuevo curso:</translation>
    </message>
    <message>
        <source>&amp;First day:</source>
        <translation>&amp;Primer día:</translation>
    </message>
    <message>
        <source>&amp;Show what will change</source>
        <translation>&amp;Mostrar qué cambiará</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Aprendiz</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>Next year</source>
        <translation>El año que viene</translation>
    </message>
    <message>
        <source>Reflection (when closed)</source>
        <translation>Reflexión (al cerrarla)</translation>
    </message>
    <message>
        <source>Open goals: carry over or close</source>
        <translation>Metas abiertas: pasarlas al nuevo curso o cerrarlas</translation>
    </message>
    <message>
        <source>S&amp;tart the new year</source>
        <translation>E&amp;mpezar el nuevo curso</translation>
    </message>
    <message>
        <source>The school is now in {year}.</source>
        <translation>El centro está ahora en el curso {year}.</translation>
    </message>
    <message>
        <source>{year} ends.</source>
        <translation>Termina el curso {year}.</translation>
    </message>
    <message>
        <source>The year before ends.</source>
        <translation>Termina el curso anterior.</translation>
    </message>
    <message numerus="yes">
        <source>%n learner profile(s) kept as they stand, read-only, as a snapshot of the year.</source>
        <translation>
            <numerusform>Se guarda %n perfil de aprendiz tal como está, de solo lectura, como instantánea del curso.</numerusform>
            <numerusform>Se guardan %n perfiles de aprendices tal como están, de solo lectura, como instantánea del curso.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n class(es) closed (kept, marked ended).</source>
        <translation>
            <numerusform>Se cierra %n clase (se conserva, marcada como terminada).</numerusform>
            <numerusform>Se cierran %n clases (se conservan, marcadas como terminadas).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open goal(s): each is carried over unless you close it with a reflection.</source>
        <translation>
            <numerusform>%n meta abierta: pasa al nuevo curso salvo que la cierres con una reflexión.</numerusform>
            <numerusform>%n metas abiertas: cada una pasa al nuevo curso salvo que la cierres con una reflexión.</numerusform>
        </translation>
    </message>
    <message>
        <source>Carry over</source>
        <translation>Pasar al nuevo curso</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Next year for: {goal}</source>
        <translation>El año que viene para: {goal}</translation>
    </message>
    <message>
        <source>One line: what did this goal teach you?</source>
        <translation>Una línea: ¿qué te enseñó esta meta?</translation>
    </message>
    <message>
        <source>Reflection on: {goal}</source>
        <translation>Reflexión sobre: {goal}</translation>
    </message>
    <message>
        <source>Write a one-line reflection for each goal you close.</source>
        <translation>Escribe una reflexión de una línea para cada meta que cierres.</translation>
    </message>
</context>
<context>
    <name>PairDialog</name>
    <message>
        <source>Connect to the school hub</source>
        <translation>Conectar al servidor del centro</translation>
    </message>
    <message>
        <source>Type the school hub&apos;s address and the pairing code the school gave you (the code, or its words).</source>
        <translation>Escriba la dirección del servidor del centro y el código de vinculación que le dio el centro (el código o sus palabras).</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>ABCD-EFGH-… or the code&apos;s words</source>
        <translation>ABCD-EFGH-… o las palabras del código</translation>
    </message>
    <message>
        <source>Pairing code</source>
        <translation>Código de vinculación</translation>
    </message>
    <message>
        <source>Hub &amp;address:</source>
        <translation>&amp;Dirección del servidor:</translation>
    </message>
    <message>
        <source>Pairing &amp;code:</source>
        <translation>&amp;Código de vinculación:</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>&amp;PIN (4 to 8 digits):</source>
        <translation>&amp;PIN (de 4 a 8 cifras):</translation>
    </message>
    <message>
        <source>C&amp;heck the code</source>
        <translation>Co&amp;mprobar el código</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>C&amp;onectar</translation>
    </message>
    <message>
        <source>&amp;Save the PIN</source>
        <translation>&amp;Guardar el PIN</translation>
    </message>
    <message>
        <source>Type the hub&apos;s address and the code first.</source>
        <translation>Escriba primero la dirección del servidor y el código.</translation>
    </message>
    <message>
        <source>Asking the hub what this code is for…</source>
        <translation>Preguntando al servidor para qué sirve este código…</translation>
    </message>
    <message>
        <source>Press Connect to pair this device.</source>
        <translation>Pulse Conectar para vincular este dispositivo.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Connected. Bringing this device&apos;s share of the school&apos;s profiles…</source>
        <translation>Conectado. Trayendo los perfiles del centro que corresponden a este dispositivo…</translation>
    </message>
    <message>
        <source>This device is now {name}&apos;s. Choose {name}&apos;s PIN for this device: {name} types it to open their profile.</source>
        <translation>Este dispositivo es ahora de {name}. Elija el PIN de {name} para este dispositivo: {name} lo escribe para abrir su perfil.</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>Conectado.</translation>
    </message>
    <message>
        <source>Connected: this device now syncs with the school hub as {name}.</source>
        <translation>Conectado: este dispositivo se sincroniza ahora con el servidor del centro como {name}.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Repite la frase de contraseña</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Repítela:</translation>
    </message>
    <message>
        <source>A passphrase needs at least {n} characters.</source>
        <translation>Una frase de contraseña necesita al menos {n} caracteres.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Las dos frases de contraseña no son iguales.</translation>
    </message>
    <message>
        <source>Protect with a passphrase</source>
        <translation>Proteger con una frase de contraseña</translation>
    </message>
    <message>
        <source>{what} will be sealed with this passphrase (at least {n} characters). Tell it to the person who opens the file in another way than the file itself. It cannot be recovered if forgotten.</source>
        <translation>{what} se sellará con esta frase de contraseña (al menos {n} caracteres). Comunícala a la persona que abrirá el archivo por otra vía distinta del propio archivo. Si se olvida, no se puede recuperar.</translation>
    </message>
    <message>
        <source>Protected file</source>
        <translation>Archivo protegido</translation>
    </message>
    <message>
        <source>{name} is protected. Type its passphrase:</source>
        <translation>{name} está protegido. Escribe su frase de contraseña:</translation>
    </message>
</context>
<context>
    <name>ProfilePanel</name>
    <message>
        <source>&amp;Learner is writing</source>
        <translation>Escribe el &amp;aprendiz</translation>
    </message>
    <message>
        <source>&amp;Teacher is writing</source>
        <translation>Escribe el &amp;docente</translation>
    </message>
    <message>
        <source>Entries are saved as the learner&apos;s own words</source>
        <translation>Las entradas se guardan como palabras propias del aprendiz</translation>
    </message>
    <message>
        <source>Entries are saved as the teacher&apos;s suggestions</source>
        <translation>Las entradas se guardan como sugerencias del docente</translation>
    </message>
    <message>
        <source>Start &amp;conference</source>
        <translation>Iniciar &amp;reunión</translation>
    </message>
    <message>
        <source>A guided one-to-one with a timer (Ctrl+Shift+K)</source>
        <translation>Una reunión individual guiada, con temporizador (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>Profile sections</source>
        <translation>Secciones del perfil</translation>
    </message>
    <message>
        <source>&amp;1 About me</source>
        <translation>&amp;1 Sobre mí</translation>
    </message>
    <message>
        <source>&amp;2 Strengths</source>
        <translation>&amp;2 Fortalezas</translation>
    </message>
    <message>
        <source>&amp;3 How I learn</source>
        <translation>&amp;3 Cómo aprendo</translation>
    </message>
    <message>
        <source>&amp;4 Backpack</source>
        <translation>&amp;4 Mochila</translation>
    </message>
    <message>
        <source>&amp;5 Voice and choice</source>
        <translation>&amp;5 Voz y elección</translation>
    </message>
    <message>
        <source>&amp;6 Goals</source>
        <translation>&amp;6 Metas</translation>
    </message>
    <message>
        <source>&amp;7 Conferences</source>
        <translation>&amp;7 Reuniones</translation>
    </message>
    <message>
        <source>&amp;8 Stages</source>
        <translation>&amp;8 Etapas</translation>
    </message>
    <message>
        <source>&amp;9 History</source>
        <translation>&amp;9 Historial</translation>
    </message>
    <message>
        <source>&amp;0 Home</source>
        <translation>&amp;0 Inicio</translation>
    </message>
    <message>
        <source>&amp;0 Conference</source>
        <translation>&amp;0 Reunión</translation>
    </message>
    <message>
        <source>No learner selected</source>
        <translation>Ningún aprendiz seleccionado</translation>
    </message>
    <message>
        <source>Add a learner or import a class to begin.</source>
        <translation>Agrega un aprendiz o importa una clase para empezar.</translation>
    </message>
    <message>
        <source>Grade {grade}</source>
        <translation>Grado {grade}</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) waiting for you on your home page</source>
        <translation>
            <numerusform>Tienes %n sugerencia en tu página de inicio</numerusform>
            <numerusform>Tienes %n sugerencias en tu página de inicio</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) waiting for the learner</source>
        <translation>
            <numerusform>%n sugerencia espera al aprendiz</numerusform>
            <numerusform>%n sugerencias esperan al aprendiz</numerusform>
        </translation>
    </message>
    <message>
        <source>Last conference {date}</source>
        <translation>Última reunión: {date}</translation>
    </message>
    <message>
        <source>next check-in {date}</source>
        <translation>próximo seguimiento: {date}</translation>
    </message>
</context>
<context>
    <name>QuestionDialog</name>
    <message>
        <source>Ask a question</source>
        <translation>Hacer una pregunta</translation>
    </message>
    <message>
        <source>Question from the bank</source>
        <translation>Pregunta del banco</translation>
    </message>
    <message>
        <source>My own words</source>
        <translation>Con mis palabras</translation>
    </message>
    <message>
        <source>The question</source>
        <translation>La pregunta</translation>
    </message>
    <message>
        <source>Write a question, or choose one above</source>
        <translation>Escribe una pregunta o elige una arriba</translation>
    </message>
    <message>
        <source>Only {name}</source>
        <translation>Solo a {name}</translation>
    </message>
    <message>
        <source>A class:</source>
        <translation>A una clase:</translation>
    </message>
    <message>
        <source>All my learners ({n})</source>
        <translation>A todos mis estudiantes ({n})</translation>
    </message>
    <message>
        <source>Which class</source>
        <translation>Qué clase</translation>
    </message>
    <message>
        <source>From the &amp;bank:</source>
        <translation>Del &amp;banco:</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>&amp;Pregunta:</translation>
    </message>
    <message>
        <source>Ask:</source>
        <translation>Preguntar:</translation>
    </message>
    <message>
        <source>They answer in writing on their home; the answers come up at the next conference.</source>
        <translation>Responden por escrito en su inicio; las respuestas aparecen en la próxima reunión.</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Enviar</translation>
    </message>
    <message numerus="yes">
        <source>Sent to %n learner(s).</source>
        <translation>
            <numerusform>Enviada a %n estudiante.</numerusform>
            <numerusform>Enviada a %n estudiantes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <source>Send my answer</source>
        <translation>Enviar mi respuesta</translation>
    </message>
    <message>
        <source>You answered on {date}: {text}</source>
        <translation>Respondiste el {date}: {text}</translation>
    </message>
    <message>
        <source>You answered with a recording on {date}.</source>
        <translation>Respondiste con una grabación el {date}.</translation>
    </message>
    <message>
        <source>Write your answer here</source>
        <translation>Escribe aquí tu respuesta</translation>
    </message>
    <message>
        <source>Your answer to: {question}</source>
        <translation>Tu respuesta a: {question}</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Record your answer</source>
        <translation>Graba tu respuesta</translation>
    </message>
    <message>
        <source>● Record</source>
        <translation>● Grabar</translation>
    </message>
    <message>
        <source>Press Record and say your answer. Press Stop when you are done.</source>
        <translation>Pulsa Grabar y di tu respuesta. Pulsa Parar cuando termines.</translation>
    </message>
    <message>
        <source>Send my recording</source>
        <translation>Enviar mi grabación</translation>
    </message>
    <message>
        <source>■ Stop</source>
        <translation>■ Parar</translation>
    </message>
    <message>
        <source>● Record again</source>
        <translation>● Grabar otra vez</translation>
    </message>
    <message>
        <source>Done! Press “Send my recording”, or record again.</source>
        <translation>¡Listo! Pulsa «Enviar mi grabación» o graba otra vez.</translation>
    </message>
    <message>
        <source>Recording… {seconds} s</source>
        <translation>Grabando… {seconds} s</translation>
    </message>
    <message>
        <source>The recording did not work. Choose a recording file instead.</source>
        <translation>La grabación no funcionó. Elige un archivo de grabación.</translation>
    </message>
</context>
<context>
    <name>RecordedAnswer</name>
    <message>
        <source>Choose a recording…</source>
        <translation>Elegir una grabación…</translation>
    </message>
    <message>
        <source>Answer with a sound recording (MP3, M4A, OGG or WAV, at most {limit}). You can also drop it here.</source>
        <translation>Responde con una grabación de sonido (MP3, M4A, OGG o WAV, de {limit} como máximo). También puedes soltarla aquí.</translation>
    </message>
    <message>
        <source>Answer with a recording: {question}</source>
        <translation>Responder con una grabación: {question}</translation>
    </message>
    <message>
        <source>● Record</source>
        <translation>● Grabar</translation>
    </message>
    <message>
        <source>Record your answer: {question}</source>
        <translation>Graba tu respuesta: {question}</translation>
    </message>
    <message>
        <source>Choose your recording</source>
        <translation>Elige tu grabación</translation>
    </message>
    <message>
        <source>Sound recordings (*.mp3 *.m4a *.ogg *.wav);;All files (*)</source>
        <translation>Grabaciones de sonido (*.mp3 *.m4a *.ogg *.wav);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Grabar</translation>
    </message>
    <message>
        <source>This recording cannot be sent</source>
        <translation>No se puede enviar esta grabación</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Your recovery key</source>
        <translation>Tu clave de recuperación</translation>
    </message>
    <message>
        <source>The store is now encrypted. If every teacher&apos;s password is forgotten, only this recovery key opens it. It is shown this once: print it or write it down, and keep it somewhere safe away from this computer (not in a file on it).</source>
        <translation>La base de datos ya está cifrada. Si se olvidan las contraseñas de todos los docentes, solo esta clave de recuperación la abre. Se muestra solo esta vez: imprímela o anótala, y guárdala en un lugar seguro lejos de esta computadora (no en un archivo dentro de ella).</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>I have printed or written down the recovery key and will keep it safe</source>
        <translation>Imprimí o anoté la clave de recuperación y la guardaré en un lugar seguro</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Listo</translation>
    </message>
    <message>
        <source>plprofile recovery key</source>
        <translation>Clave de recuperación de plprofile</translation>
    </message>
    <message>
        <source>It opens the encrypted store if every teacher&apos;s password is forgotten. Keep it safe.</source>
        <translation>Abre la base de datos cifrada si se olvidan las contraseñas de todos los docentes. Guárdala en un lugar seguro.</translation>
    </message>
</context>
<context>
    <name>RosterSet</name>
    <message numerus="yes">
        <source>%n learner(s) added</source>
        <extracomment>How many warnings the preview lists before &quot;… and N more&quot;.</extracomment>
        <translation>
            <numerusform>%n aprendiz añadido</numerusform>
            <numerusform>%n aprendices añadidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s) updated</source>
        <translation>
            <numerusform>%n aprendiz actualizado</numerusform>
            <numerusform>%n aprendices actualizados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s) leaving their classes</source>
        <translation>
            <numerusform>%n aprendiz deja sus clases</numerusform>
            <numerusform>%n aprendices dejan sus clases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n teacher(s) added (without a password until a school admin sets one)</source>
        <translation>
            <numerusform>%n docente añadido (sin contraseña hasta que una persona administradora del centro le ponga una)</numerusform>
            <numerusform>%n docentes añadidos (sin contraseña hasta que una persona administradora del centro les ponga una)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n class(es) added</source>
        <translation>
            <numerusform>%n clase añadida</numerusform>
            <numerusform>%n clases añadidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n class membership(s) added</source>
        <translation>
            <numerusform>%n inscripción en una clase añadida</numerusform>
            <numerusform>%n inscripciones en clases añadidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n class membership(s) ended</source>
        <translation>
            <numerusform>%n inscripción en una clase terminada</numerusform>
            <numerusform>%n inscripciones en clases terminadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n family contact(s) added</source>
        <translation>
            <numerusform>%n contacto de la familia añadido</numerusform>
            <numerusform>%n contactos de la familia añadidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n family contact(s) updated</source>
        <translation>
            <numerusform>%n contacto de la familia actualizado</numerusform>
            <numerusform>%n contactos de la familia actualizados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n family contact(s) removed</source>
        <translation>
            <numerusform>%n contacto de la familia quitado</numerusform>
            <numerusform>%n contactos de la familia quitados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s): read anyway, or left out as said</source>
        <translation>
            <numerusform>%n aviso: se leyó igualmente, o se dejó fuera como se indica</numerusform>
            <numerusform>%n avisos: se leyó igualmente, o se dejó fuera como se indica</numerusform>
        </translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… y {n} más</translation>
    </message>
    <message>
        <source>Import a school roster</source>
        <translation>Importar el listado del centro</translation>
    </message>
    <message>
        <source>Reading the school roster…</source>
        <translation>Leyendo la lista del centro…</translation>
    </message>
    <message>
        <source>Reading and checking {name}…</source>
        <translation>Leyendo y comprobando {name}…</translation>
    </message>
    <message>
        <source>Nothing was imported.

{problems}</source>
        <translation>No se importó nada.

{problems}</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}</source>
        <translation>No se puede leer el archivo: {reason}</translation>
    </message>
    <message>
        <source>{name} (OneRoster {version}) changes nothing: the store already holds this roster.</source>
        <translation>{name} (OneRoster {version}) no cambia nada: el almacén ya tiene este listado.</translation>
    </message>
    <message>
        <source>Import {name} (OneRoster {version})? It will change:</source>
        <translation>¿Importar {name} (OneRoster {version})? Cambiará:</translation>
    </message>
    <message>
        <source>Importing the school roster…</source>
        <translation>Importando la lista del centro…</translation>
    </message>
    <message>
        <source>Importing {name}: one transaction, all or nothing…</source>
        <translation>Importando {name}: una sola transacción, todo o nada…</translation>
    </message>
    <message>
        <source>The school roster is imported.</source>
        <translation>El listado del centro está importado.</translation>
    </message>
</context>
<context>
    <name>SettingsOperations</name>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Language of plprofile:</source>
        <translation>Idioma de plprofile:</translation>
    </message>
    <message>
        <source>plprofile will use “{language}” the next time it starts.</source>
        <translation>plprofile usará «{language}» la próxima vez que se abra.</translation>
    </message>
    <message>
        <source>The system&apos;s size</source>
        <translation>El tamaño del sistema</translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>{points} puntos</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <source>Size of the text in plprofile:</source>
        <translation>Tamaño del texto en plprofile:</translation>
    </message>
    <message>
        <source>plprofile will use “{size}” the next time it starts.</source>
        <translation>plprofile usará «{size}» la próxima vez que se abra.</translation>
    </message>
    <message>
        <source>Lock after idle time</source>
        <translation>Bloquear tras inactividad</translation>
    </message>
    <message>
        <source>Lock the app after this many minutes without use:</source>
        <translation>Bloquear la aplicación después de estos minutos sin uso:</translation>
    </message>
</context>
<context>
    <name>ShareChoice</name>
    <message>
        <source>Who sees this?</source>
        <translation>¿Quién lo ve?</translation>
    </message>
</context>
<context>
    <name>ShowCodeDialog</name>
    <message>
        <source>Show a pairing code to a device</source>
        <translation>Mostrar un código de vinculación a un dispositivo</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>Pairing code</source>
        <translation>Código de vinculación</translation>
    </message>
    <message>
        <source>Hub &amp;address:</source>
        <translation>&amp;Dirección del servidor:</translation>
    </message>
    <message>
        <source>Pairing &amp;code:</source>
        <translation>&amp;Código de vinculación:</translation>
    </message>
    <message>
        <source>QR code of the pairing code</source>
        <translation>Código QR del código de vinculación</translation>
    </message>
    <message>
        <source>Paste the learner&apos;s pairing code from the school&apos;s admin.</source>
        <translation>Pegue el código de vinculación del alumno que le dio la administración del centro.</translation>
    </message>
    <message>
        <source>That is not a pairing code (it looks like ABCD-EFGH-IJKL-MNOP-…).</source>
        <translation>Eso no es un código de vinculación (tiene esta forma: ABCD-EFGH-IJKL-MNOP-…).</translation>
    </message>
    <message>
        <source>On the learner&apos;s device: File → Connect to the school hub…, then scan or type these words as the code.</source>
        <translation>En el dispositivo del alumno: Archivo → Conectar al servidor del centro…, y escanee o escriba estas palabras como código.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>plprofile</source>
        <extracomment>Enter was pressed before the store was open: ``resume`` signs in once ``auth`` is there. the first teacher&apos;s password when they asked to encrypt the new store (read once by the window)</extracomment>
        <translation>plprofile</translation>
    </message>
    <message>
        <source>I&apos;m a &amp;learner</source>
        <translation>Soy &amp;aprendiz</translation>
    </message>
    <message>
        <source>I&apos;m a &amp;teacher</source>
        <translation>Soy &amp;docente</translation>
    </message>
    <message>
        <source>e.g. Ms Rivera</source>
        <translation>p. ej. Prof. Rivera</translation>
    </message>
    <message>
        <source>Sign-in name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Repite la contraseña</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Connect to the school &amp;hub…</source>
        <translation>Conectar al &amp;servidor del centro…</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <extracomment>set on a device paired for one learner: the page asks only for that learner&apos;s PIN</extracomment>
        <translation>Tu &amp;nombre:</translation>
    </message>
    <message>
        <source>Sign-in &amp;name:</source>
        <translation>&amp;Nombre de usuario:</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Repítela:</translation>
    </message>
    <message>
        <source>Protect this store with &amp;encryption (recommended)</source>
        <translation>Proteger esta base de datos con &amp;cifrado (recomendado)</translation>
    </message>
    <message>
        <source>A teacher&apos;s password is then needed to open it. Without encryption, anyone who copies this computer&apos;s files can read every learner&apos;s profile, and can work out a learner&apos;s PIN from them in minutes.</source>
        <translation>Después hará falta la contraseña de un docente para abrirla. Sin cifrado, cualquiera que copie los archivos de esta computadora puede leer el perfil de cada aprendiz y averiguar el PIN de un aprendiz en minutos.</translation>
    </message>
    <message>
        <source>Personal Learner Profiles. Sign in to continue.</source>
        <translation>Perfiles personales del aprendiz. Inicia sesión para continuar.</translation>
    </message>
    <message>
        <source>Hello {name}! Type your PIN.</source>
        <translation>¡Hola, {name}! Escribe tu PIN.</translation>
    </message>
    <message>
        <source>Welcome! Create the first teacher account for this store. Keep the password safe: it protects the learners&apos; profiles.</source>
        <translation>¡Te damos la bienvenida! Crea la primera cuenta de docente de esta base de datos. Guarda bien la contraseña: protege los perfiles de los aprendices.</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Crear cuenta</translation>
    </message>
    <message>
        <source>Restore the latest backup…</source>
        <translation>Restaurar la última copia de seguridad…</translation>
    </message>
    <message>
        <source>Locked. {name}, type your password or PIN to carry on where you were, or sign in as someone else.</source>
        <translation>Bloqueado. {name}, escribe tu contraseña o PIN para seguir donde estabas, o inicia sesión como otra persona.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits: letters are not taken. Teachers: choose “I&apos;m a teacher” to type a password.</source>
        <translation>Un PIN tiene de 4 a 8 cifras: no se aceptan letras. Docentes: elijan «Soy docente» para escribir una contraseña.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>4 to 8 digits</source>
        <translation>de 4 a 8 cifras</translation>
    </message>
    <message>
        <source>e.g. rivera</source>
        <translation>p. ej. rivera</translation>
    </message>
    <message>
        <source>e.g. zoem, or your whole name</source>
        <translation>p. ej. zoem, o tu nombre completo</translation>
    </message>
    <message>
        <source>Opening the store… you are signed in as soon as it is open.</source>
        <translation>Abriendo la base de datos… inicias sesión en cuanto esté abierta.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no son iguales.</translation>
    </message>
</context>
<context>
    <name>SnapshotWindow</name>
    <message>
        <source>All my learners</source>
        <translation>Todos mis estudiantes</translation>
    </message>
    <message>
        <source>Class {title}</source>
        <translation>Clase {title}</translation>
    </message>
    <message>
        <source>Group {name}</source>
        <translation>Grupo {name}</translation>
    </message>
    <message>
        <source>Class learning snapshot</source>
        <translation>Instantánea de aprendizaje de la clase</translation>
    </message>
    <message>
        <source>Whose snapshot</source>
        <translation>De quién es la instantánea</translation>
    </message>
    <message>
        <source>&amp;Learners:</source>
        <translation>&amp;Estudiantes:</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>What they say</source>
        <translation>Lo que dicen</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>Estudiantes</translation>
    </message>
    <message>
        <source>Grouped by</source>
        <translation>Agrupado por</translation>
    </message>
    <message>
        <source>Figures of the snapshot</source>
        <translation>Cifras de la instantánea</translation>
    </message>
    <message>
        <source>Learners behind the figure</source>
        <translation>Estudiantes detrás de la cifra</translation>
    </message>
    <message>
        <source>Choose a figure to see the learners behind it.</source>
        <translation>Elige una cifra para ver los estudiantes que hay detrás.</translation>
    </message>
    <message>
        <source>&amp;Figures</source>
        <translation>&amp;Cifras</translation>
    </message>
    <message>
        <source>&amp;Chart</source>
        <translation>&amp;Gráfico</translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s)</source>
        <translation>
            <numerusform>%n estudiante</numerusform>
            <numerusform>%n estudiantes</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing written yet</source>
        <translation>Aún no hay nada escrito</translation>
    </message>
    <message>
        <source>the same words</source>
        <translation>las mismas palabras</translation>
    </message>
    <message>
        <source>{n} of {size}</source>
        <translation>{n} de {size}</translation>
    </message>
    <message numerus="yes">
        <source>%n said it helped</source>
        <translation>
            <numerusform>a %n le ayudó</numerusform>
            <numerusform>a %n les ayudó</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{what}: {n} learner(s). Open one to see their profile.</source>
        <translation>
            <numerusform>{what}: {n} estudiante. Ábrelo para ver su perfil.</numerusform>
            <numerusform>{what}: {n} estudiantes. Abre uno para ver su perfil.</numerusform>
        </translation>
    </message>
    <message>
        <source>Class learning snapshot: {scope}</source>
        <translation>Instantánea de aprendizaje de la clase: {scope}</translation>
    </message>
</context>
<context>
    <name>StagesPage</name>
    <message>
        <source>Progress through the stages</source>
        <translation>Progreso a través de las etapas</translation>
    </message>
    <message>
        <source>Where we are now</source>
        <translation>Dónde estamos ahora</translation>
    </message>
    <message>
        <source>Goals over time</source>
        <translation>Metas a lo largo del tiempo</translation>
    </message>
    <message>
        <source>Stages: rate and chart</source>
        <translation>Etapas: valorar y graficar</translation>
    </message>
    <message>
        <source>&amp;Rate the stages</source>
        <translation>&amp;Valorar las etapas</translation>
    </message>
    <message>
        <source>&amp;Progress over time</source>
        <translation>&amp;Progreso a lo largo del tiempo</translation>
    </message>
    <message>
        <source>Where we are &amp;now</source>
        <translation>Dónde estamos &amp;ahora</translation>
    </message>
    <message>
        <source>&amp;Goals over time</source>
        <translation>&amp;Metas a lo largo del tiempo</translation>
    </message>
    <message>
        <source>{name}: progress through the stages</source>
        <translation>{name}: progreso a través de las etapas</translation>
    </message>
    <message>
        <source>No assessments yet: rate the stages in the first tab.</source>
        <translation>Todavía no hay valoraciones: valora las etapas en la primera pestaña.</translation>
    </message>
    <message numerus="yes">
        <source>Overall stage (agreed) {a} on {d0}, {b} on {d1} ({change}); %n assessment(s).</source>
        <translation>
            <numerusform>Etapa general (acordada): {a} el {d0}, {b} el {d1} ({change}); %n valoración.</numerusform>
            <numerusform>Etapa general (acordada): {a} el {d0}, {b} el {d1} ({change}); %n valoraciones.</numerusform>
        </translation>
    </message>
    <message>
        <source>up {n}</source>
        <translation>sube {n}</translation>
    </message>
    <message>
        <source>down {n}</source>
        <translation>baja {n}</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>sin cambios</translation>
    </message>
    <message>
        <source>{name}: where we are now</source>
        <translation>{name}: dónde estamos ahora</translation>
    </message>
    <message>
        <source>{name}: where we are now ({date})</source>
        <translation>{name}: dónde estamos ahora ({date})</translation>
    </message>
    <message>
        <source>{element} (learner higher by {n})</source>
        <translation>{element} (el aprendiz, {n} más alto)</translation>
    </message>
    <message>
        <source>{element} (teacher higher by {n})</source>
        <translation>{element} (el docente, {n} más alto)</translation>
    </message>
    <message>
        <source>Learner and teacher differ on: {list}.</source>
        <translation>Aprendiz y docente difieren en: {list}.</translation>
    </message>
    <message>
        <source>Learner and teacher see every element the same way.</source>
        <translation>Aprendiz y docente ven todos los elementos de la misma manera.</translation>
    </message>
    <message>
        <source>{name}: goals over time</source>
        <translation>{name}: metas a lo largo del tiempo</translation>
    </message>
    <message numerus="yes">
        <source>Today: {set} goals set, {progress} in progress, {achieved} achieved; %n check-in(s).</source>
        <translation>
            <numerusform>Hoy: {set} metas fijadas, {progress} en curso, {achieved} logradas; %n seguimiento.</numerusform>
            <numerusform>Hoy: {set} metas fijadas, {progress} en curso, {achieved} logradas; %n seguimientos.</numerusform>
        </translation>
    </message>
    <message>
        <source>No goals yet: set one in the Goals tab.</source>
        <translation>Todavía no hay metas: fija una en la pestaña Metas.</translation>
    </message>
</context>
<context>
    <name>StrategiesDialog</name>
    <message>
        <source>Strategies to try</source>
        <translation>Estrategias para probar</translation>
    </message>
    <message>
        <source>Strategies you are trying, and whether they help you.</source>
        <translation>Las estrategias que estás probando, y si te ayudan.</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Estrategia</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Empezó</translation>
    </message>
    <message>
        <source>Look again on</source>
        <translation>Revisar el</translation>
    </message>
    <message>
        <source>Did it help?</source>
        <translation>¿Te ayudó?</translation>
    </message>
    <message>
        <source>Strategies you are trying</source>
        <translation>Estrategias que estás probando</translation>
    </message>
    <message>
        <source>It &amp;helped</source>
        <translation>Me &amp;ayudó</translation>
    </message>
    <message>
        <source>&amp;Not yet</source>
        <translation>&amp;Todavía no</translation>
    </message>
    <message>
        <source>For the chosen strategy:</source>
        <translation>Para la estrategia elegida:</translation>
    </message>
    <message>
        <source>A strategy to try</source>
        <translation>Una estrategia para probar</translation>
    </message>
    <message>
        <source>Start trying &amp;it</source>
        <translation>Empezar a &amp;probarla</translation>
    </message>
    <message>
        <source>&amp;Strategy:</source>
        <translation>&amp;Estrategia:</translation>
    </message>
    <message>
        <source>S&amp;tarting on:</source>
        <translation>E&amp;mpezar el:</translation>
    </message>
    <message>
        <source>&amp;Look again on:</source>
        <translation>&amp;Revisar el:</translation>
    </message>
    <message>
        <source>Try a new strategy</source>
        <translation>Probar una estrategia nueva</translation>
    </message>
    <message>
        <source>{strategy} (for what gets in your way)</source>
        <translation>{strategy} (para lo que te estorba)</translation>
    </message>
    <message>
        <source>not asked yet</source>
        <translation>aún no preguntado</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>todavía no</translation>
    </message>
    <message>
        <source>Time to look at it again</source>
        <translation>Es hora de revisarla</translation>
    </message>
</context>
<context>
    <name>StrategyReview</name>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>A bit</source>
        <translation>Un poco</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Did “{strategy}” help you? You can skip this.</source>
        <translation>¿Te ayudó «{strategy}»? Puedes saltarte esto.</translation>
    </message>
    <message>
        <source>Did “{strategy}” help you? {answer}</source>
        <translation>¿Te ayudó «{strategy}»? {answer}</translation>
    </message>
</context>
<context>
    <name>StudentLedPanel</name>
    <message>
        <source>You lead this conference. Talk about each one, then tick it.</source>
        <translation>Tú diriges esta reunión. Habla de cada punto y luego márcalo.</translation>
    </message>
    <message>
        <source>What are you &amp;proud of?</source>
        <translation>¿Qué te hace sentir &amp;orgullo?</translation>
    </message>
    <message>
        <source>What work did you pick to &amp;show?</source>
        <translation>¿Qué trabajo e&amp;legiste para mostrar?</translation>
    </message>
    <message>
        <source>Which goal are you wor&amp;king on?</source>
        <translation>¿En qué &amp;meta estás trabajando?</translation>
    </message>
    <message>
        <source>What do you need to &amp;help you?</source>
        <translation>¿Qué necesitas como a&amp;yuda?</translation>
    </message>
    <message>
        <source>Your checklist</source>
        <translation>Tu lista</translation>
    </message>
    <message>
        <source>Say it in your own words</source>
        <translation>Dilo con tus palabras</translation>
    </message>
    <message>
        <source>What people said and will do</source>
        <translation>Lo que cada persona dijo y va a hacer</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familia</translation>
    </message>
    <message>
        <source>Said or will do</source>
        <translation>Dijo o va a hacer</translation>
    </message>
    <message>
        <source>said</source>
        <translation>dijo</translation>
    </message>
    <message>
        <source>will do</source>
        <translation>va a hacer</translation>
    </message>
    <message>
        <source>What they said, or what they will do</source>
        <translation>Lo que dijo, o lo que va a hacer</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>Lo que se dijo</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>A&amp;ñadir</translation>
    </message>
    <message>
        <source>{who} {said}: {text}</source>
        <translation>{who} {said}: {text}</translation>
    </message>
</context>
<context>
    <name>SuggestionRow</name>
    <message>
        <source>Your words: {text}</source>
        <translation>Tus palabras: {text}</translation>
    </message>
    <message>
        <source>Your teacher suggests: {text}</source>
        <translation>Tu docente sugiere: {text}</translation>
    </message>
    <message>
        <source>Yes, use it</source>
        <translation>Sí, úsala</translation>
    </message>
    <message>
        <source>No, thanks</source>
        <translation>No, gracias</translation>
    </message>
</context>
<context>
    <name>SyncFiles</name>
    <message>
        <source>The file of changes</source>
        <translation>El archivo de cambios</translation>
    </message>
    <message>
        <source>Save changes to a file</source>
        <translation>Guardar cambios en un archivo</translation>
    </message>
    <message>
        <source>Everything changed on this device that the hub has not received</source>
        <translation>Todo lo cambiado en este dispositivo que el servidor del centro aún no ha recibido</translation>
    </message>
    <message>
        <source>Only {name}&apos;s changes, for their device</source>
        <translation>Solo los cambios de {name}, para su dispositivo</translation>
    </message>
    <message>
        <source>Which changes go in the file?</source>
        <translation>¿Qué cambios van en el archivo?</translation>
    </message>
    <message>
        <source>Files of changes (*.plpx)</source>
        <translation>Archivos de cambios (*.plpx)</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n change(s) to {name}. Take the file to the other device or the hub and load it there with File → Load changes from a file…, with the same passphrase.</source>
        <translation>
            <numerusform>Se guardó %n cambio en {name}. Lleva el archivo al otro dispositivo o al servidor del centro y cárgalo allí con Archivo → Cargar cambios desde un archivo…, con la misma frase de contraseña.</numerusform>
            <numerusform>Se guardaron %n cambios en {name}. Lleva el archivo al otro dispositivo o al servidor del centro y cárgalo allí con Archivo → Cargar cambios desde un archivo…, con la misma frase de contraseña.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving the changes…</source>
        <translation>Guardando los cambios…</translation>
    </message>
    <message>
        <source>Load changes from a file</source>
        <translation>Cargar cambios desde un archivo</translation>
    </message>
    <message>
        <source>Files of changes (*.plpx);;All files (*)</source>
        <translation>Archivos de cambios (*.plpx);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Loaded {name}, made by {who}.</source>
        <translation>Se cargó {name}, hecho por {who}.</translation>
    </message>
    <message>
        <source>someone at this school</source>
        <translation>alguien de este centro</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) applied.</source>
        <translation>
            <numerusform>Se aplicó %n cambio.</numerusform>
            <numerusform>Se aplicaron %n cambios.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) were here already and were left as they were.</source>
        <translation>
            <numerusform>%n cambio ya estaba aquí y se dejó como estaba.</numerusform>
            <numerusform>%n cambios ya estaban aquí y se dejaron como estaban.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) were made at the same time as a change here: both versions are kept under Needs a decision.</source>
        <translation>
            <numerusform>%n cambio se hizo a la vez que un cambio de aquí: las dos versiones se guardan en Necesita una decisión.</numerusform>
            <numerusform>%n cambios se hicieron a la vez que cambios de aquí: las dos versiones se guardan en Necesita una decisión.</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the changes…</source>
        <translation>Cargando los cambios…</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message numerus="yes">
        <source>%n need(s) a decision</source>
        <translation>
            <numerusform>%n necesita una decisión</numerusform>
            <numerusform>%n necesitan una decisión</numerusform>
        </translation>
    </message>
    <message>
        <source>just now</source>
        <translation>ahora mismo</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>hace %n min</numerusform>
            <numerusform>hace %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>hace %n h</numerusform>
            <numerusform>hace %n h</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync needs attention</source>
        <translation>La sincronización necesita atención</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting: no connection</source>
        <translation>
            <numerusform>%n cambio esperando: sin conexión</numerusform>
            <numerusform>%n cambios esperando: sin conexión</numerusform>
        </translation>
    </message>
    <message>
        <source>No connection to the school hub</source>
        <translation>Sin conexión con el servidor del centro</translation>
    </message>
    <message>
        <source>Syncing with the school hub…</source>
        <translation>Sincronizando con el servidor del centro…</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Aún sin sincronizar</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not saved at school</source>
        <translation>
            <numerusform>%n cambio sin guardar en la escuela</numerusform>
            <numerusform>%n cambios sin guardar en la escuela</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not accepted by the school hub</source>
        <translation>
            <numerusform>%n cambio no aceptado por el servidor del centro</numerusform>
            <numerusform>%n cambios no aceptados por el servidor del centro</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n cambio por enviar</numerusform>
            <numerusform>%n cambios por enviar</numerusform>
        </translation>
    </message>
    <message>
        <source>All saved to the school hub · {ago}</source>
        <translation>Todo guardado en el servidor del centro · {ago}</translation>
    </message>
    <message>
        <source>The school computer did not take some of your changes. They are safe here. Ask your teacher, then choose Send again.</source>
        <translation>El ordenador de la escuela no tomó algunos de tus cambios. Están a salvo aquí. Pregunta a tu docente y luego elige Enviar otra vez.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) about {about}: {reason}</source>
        <translation>
            <numerusform>%n cambio sobre {about}: {reason}</numerusform>
            <numerusform>%n cambios sobre {about}: {reason}</numerusform>
        </translation>
    </message>
    <message>
        <source>They stay on this computer, nothing is lost. Once that is settled (for example, the school gives you the class again), choose Send again.</source>
        <translation>Se quedan en este ordenador; no se pierde nada. Cuando eso se resuelva (por ejemplo, el centro vuelve a darte la clase), elige Enviar otra vez.</translation>
    </message>
    <message>
        <source>Your work is saved here and at school.</source>
        <translation>Tu trabajo está guardado aquí y en la escuela.</translation>
    </message>
    <message>
        <source>Every change made here is sent to the school hub a few seconds after it is saved; what others changed comes every few minutes.</source>
        <translation>Cada cambio hecho aquí se envía al servidor del centro unos segundos después de guardarlo; lo que cambian otros llega cada pocos minutos.</translation>
    </message>
    <message>
        <source>School hub</source>
        <translation>Servidor del centro</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Sincronizar &amp;ahora</translation>
    </message>
    <message>
        <source>Send &amp;again</source>
        <translation>Enviar &amp;otra vez</translation>
    </message>
</context>
<context>
    <name>TeacherCheckDialog</name>
    <message>
        <source>A teacher&apos;s yes</source>
        <translation>El sí de un profe</translation>
    </message>
    <message>
        <source>Only a teacher can take this device off the school. That way nobody can take {name}&apos;s profile off it by mistake. Your work stays safe at school.

Ask your teacher to type their name and password here.</source>
        <translation>Solo un profe puede quitar este aparato de la escuela. Así nadie puede quitar de él el perfil de {name} por error. Tu trabajo sigue a salvo en la escuela.

Pide a tu profe que escriba aquí su nombre y su contraseña.</translation>
    </message>
    <message>
        <source>Teacher&apos;s sign-in name</source>
        <translation>Nombre de acceso del profe</translation>
    </message>
    <message>
        <source>Teacher&apos;s password</source>
        <translation>Contraseña del profe</translation>
    </message>
    <message>
        <source>Teacher&apos;s &amp;name:</source>
        <translation>&amp;Nombre del profe:</translation>
    </message>
    <message>
        <source>Teacher&apos;s &amp;password:</source>
        <translation>&amp;Contraseña del profe:</translation>
    </message>
    <message>
        <source>&amp;Take it off</source>
        <translation>&amp;Quitarlo</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock the store</source>
        <translation>Desbloquear la base de datos</translation>
    </message>
    <message>
        <source>The learners&apos; records in {folder} are encrypted. A teacher unlocks them with their password, or with the recovery key written down when the store was protected. Learners sign in after that.</source>
        <translation>Los registros de los aprendices en {folder} están cifrados. Un docente los desbloquea con su contraseña o con la clave de recuperación anotada cuando se protegió la base de datos. Después, los aprendices inician sesión.</translation>
    </message>
    <message>
        <source>Password or recovery key</source>
        <translation>Contraseña o clave de recuperación</translation>
    </message>
    <message>
        <source>&amp;Password or recovery key:</source>
        <translation>&amp;Contraseña o clave de recuperación:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>That password or recovery key does not open this store. Try again.</source>
        <translation>Esa contraseña o clave de recuperación no abre esta base de datos. Inténtalo de nuevo.</translation>
    </message>
</context>
<context>
    <name>ValuePicker</name>
    <message>
        <source>—  Not rated</source>
        <translation>—  Sin valorar</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>Sin valorar</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>The store in {folder} is already open in another plprofile, on this computer or on another one that shares the folder. Close it there, then start plprofile again.</source>
        <translation>La base de datos de {folder} ya está abierta en otro plprofile, en este ordenador o en otro que comparte la carpeta. Ciérrelo allí y vuelva a iniciar plprofile.</translation>
    </message>
    <message>
        <source>plprofile is already open</source>
        <translation>plprofile ya está abierto</translation>
    </message>
</context>
<context>
    <name>backpack</name>
    <message>
        <source>Mark agreed</source>
        <translation>Marcar como acordado</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove this from the profile?</source>
        <translation>¿Quitar esto del perfil?</translation>
    </message>
</context>
<context>
    <name>blank</name>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Fecha:</translation>
    </message>
    <message>
        <source>My learning backpack</source>
        <translation>Mi mochila de aprendizaje</translation>
    </message>
    <message>
        <source>Tools, apps, strategies and skills that help me</source>
        <translation>Herramientas, apps, estrategias y habilidades que me ayudan</translation>
    </message>
    <message>
        <source>A goal I am working on</source>
        <translation>Una meta en la que estoy trabajando</translation>
    </message>
    <message>
        <source>My goal, why it matters, my first steps, who or what helps me</source>
        <translation>Mi meta, por qué me importa, mis primeros pasos, quién o qué me ayuda</translation>
    </message>
    <message>
        <source>My learning profile</source>
        <translation>Mi perfil de aprendizaje</translation>
    </message>
</context>
<context>
    <name>chart_view</name>
    <message>
        <source>PNG image (*.png)</source>
        <extracomment>The narrowest a figure is drawn, as a share of its design width at MIN_DPI (the class overview&apos;s two charts still have room beside their labels at 10 points in a 800-pixel window); narrower, the view scrolls sideways. The text size the charts&apos; point sizes are made for; a larger setting makes their text larger in proportion.</extracomment>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>Dibujo SVG (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Table as CSV (*.csv)</source>
        <translation>Tabla como CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>charts</name>
    <message>
        <source>Not assessed yet</source>
        <extracomment>Where a figure built here keeps what ``update_progress_figure`` needs to reuse it. Where a class figure keeps what depends on the size it is drawn at (``RowLayout`` fits it on each layout). gid of the numbers written inside the bars of now The class chart&apos;s bars of now, as a share of a row</extracomment>
        <translation>Todavía sin valoración</translation>
    </message>
    <message>
        <source>Who rated</source>
        <translation>Quién valoró</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>General</translation>
    </message>
    <message>
        <source>learner higher by {d}</source>
        <translation>el aprendiz, {d} más alto</translation>
    </message>
    <message>
        <source>teacher higher by {d}</source>
        <translation>el docente, {d} más alto</translation>
    </message>
    <message>
        <source>Learner and teacher differ by {n} or more</source>
        <translation>Aprendiz y docente difieren en {n} o más</translation>
    </message>
    <message>
        <source>not rated this time: the latest value, carried</source>
        <translation>no valorado esta vez: el último valor, arrastrado</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Metas</translation>
    </message>
    <message>
        <source>My goals over time</source>
        <translation>Mis metas a lo largo del tiempo</translation>
    </message>
    <message>
        <source>No check-ins yet…</source>
        <translation>Todavía no hay seguimientos…</translation>
    </message>
    <message>
        <source>How it&apos;s going (check-ins)</source>
        <translation>Cómo va (seguimientos)</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>Aprendices</translation>
    </message>
    <message>
        <source>Now, element by element</source>
        <translation>Ahora, elemento por elemento</translation>
    </message>
    <message>
        <source>Overall stage over time</source>
        <translation>Etapa general a lo largo del tiempo</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Aprendiz</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Docente</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Acordado</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Todavía no</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>Empezando</translation>
    </message>
    <message>
        <source>On my way</source>
        <translation>Voy en camino</translation>
    </message>
    <message>
        <source>Got it!</source>
        <translation>¡Lo logré!</translation>
    </message>
    <message>
        <source>No goals yet…</source>
        <translation>Todavía no hay metas…</translation>
    </message>
    <message>
        <source>No assessments yet…</source>
        <translation>Todavía no hay valoraciones…</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Difference (learner − teacher)</source>
        <translation>Diferencia (aprendiz − docente)</translation>
    </message>
    <message>
        <source>{element} (carried from {date})</source>
        <translation>{element} (arrastrado del {date})</translation>
    </message>
    <message>
        <source>{overall} (none: a partial check)</source>
        <translation>{overall} (ninguno: una revisión parcial)</translation>
    </message>
    <message>
        <source>Goals set</source>
        <translation>Metas fijadas</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Logradas</translation>
    </message>
    <message>
        <source>Goal {n}</source>
        <translation>Meta {n}</translation>
    </message>
    <message>
        <source>Check-ins (1 = not yet, 4 = got it)</source>
        <translation>Seguimientos (1 = todavía no, 4 = lo logré)</translation>
    </message>
    <message>
        <source>Overall stage</source>
        <translation>Etapa general</translation>
    </message>
    <message>
        <source>{element} over time</source>
        <translation>{element} a lo largo del tiempo</translation>
    </message>
    <message>
        <source>Element or date</source>
        <translation>Elemento o fecha</translation>
    </message>
    <message>
        <source>Overall on {date}</source>
        <translation>General el {date}</translation>
    </message>
    <message>
        <source>{element} on {date}</source>
        <translation>{element} el {date}</translation>
    </message>
</context>
<context>
    <name>common</name>
    <message>
        <source>Please check</source>
        <translation>Revisa, por favor</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>No permitido</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>Cambiado en otro lugar</translation>
    </message>
    <message>
        <source>{message}

Saved version:
{theirs}

Your version:
{mine}

The saved version is now shown; copy your text back in if you still want it.</source>
        <translation>{message}

Versión guardada:
{theirs}

Tu versión:
{mine}

Ahora se muestra la versión guardada; si todavía quieres tu texto, cópialo de nuevo.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>No encontrado</translation>
    </message>
    <message>
        <source>This item no longer exists; it may have been removed.</source>
        <translation>Este elemento ya no existe; es posible que se haya quitado.</translation>
    </message>
    <message>
        <source>The store is busy</source>
        <translation>La base de datos está ocupada</translation>
    </message>
    <message>
        <source>Another plprofile window or program is writing to the store (for example importing a class), so this was not saved yet. What you typed is still there: try again in a moment.</source>
        <translation>Otra ventana de plprofile u otro programa está escribiendo en la base de datos (por ejemplo, importando una clase), así que esto aún no se ha guardado. Lo que escribió sigue ahí: inténtelo de nuevo en un momento.</translation>
    </message>
</context>
<context>
    <name>decide</name>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Why this goal matters</source>
        <translation>Por qué importa esta meta</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>A step of the goal “{goal}”</source>
        <translation>Un paso de la meta «{goal}»</translation>
    </message>
    <message>
        <source>Evidence for the goal “{goal}”</source>
        <translation>Evidencia de la meta «{goal}»</translation>
    </message>
    <message>
        <source>Backpack: how it helps</source>
        <translation>Mochila: cómo ayuda</translation>
    </message>
    <message>
        <source>Backpack</source>
        <translation>Mochila</translation>
    </message>
    <message>
        <source>Voice and choice</source>
        <translation>Voz y elección</translation>
    </message>
    <message>
        <source>Conference: who took part</source>
        <translation>Reunión: quién participó</translation>
    </message>
    <message>
        <source>Conference: notes</source>
        <translation>Reunión: notas</translation>
    </message>
    <message>
        <source>Conference: what was agreed</source>
        <translation>Reunión: qué se acordó</translation>
    </message>
    <message>
        <source>Conference</source>
        <translation>Reunión</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>alguien</translation>
    </message>
    <message>
        <source>you</source>
        <translation>ti</translation>
    </message>
    <message>
        <source>on this device</source>
        <translation>en este dispositivo</translation>
    </message>
    <message>
        <source>on another device</source>
        <translation>en otro dispositivo</translation>
    </message>
    <message>
        <source>Written by {who} · {where}</source>
        <translation>Escrito por {who} · {where}</translation>
    </message>
    <message>
        <source>Written by {who} · {when} · {where}</source>
        <translation>Escrito por {who} · {when} · {where}</translation>
    </message>
    <message>
        <source>Removed by {who} · {when} · {where}</source>
        <translation>Quitado por {who} · {when} · {where}</translation>
    </message>
    <message>
        <source>Changed by {who} · {when} · {where}</source>
        <translation>Cambiado por {who} · {when} · {where}</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>{year} has started.</source>
        <translation>Ha empezado el curso {year}.</translation>
    </message>
</context>
<context>
    <name>family_share</name>
    <message>
        <source>My family too</source>
        <translation>Mi familia también</translation>
    </message>
    <message>
        <source>My teacher and me</source>
        <translation>Mi docente y yo</translation>
    </message>
</context>
<context>
    <name>frameworks</name>
    <message>
        <source>Load a school framework</source>
        <translation>Cargar un marco escolar</translation>
    </message>
    <message>
        <source>Framework files (*.json);;All files (*)</source>
        <translation>Archivos de marco (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Nothing was loaded; “{name}” (version {version}) stays in use.</source>
        <translation>No se cargó nada; se sigue usando «{name}» (versión {version}).</translation>
    </message>
    <message>
        <source>{file} cannot be used as a framework.

{problem}

{keeps}</source>
        <translation>{file} no se puede usar como marco.

{problem}

{keeps}</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}

{keeps}</source>
        <translation>No se puede leer {file}: {reason}

{keeps}</translation>
    </message>
    <message numerus="yes">
        <source>Now using “{name}” (version {version}): %n element(s) in {groups} group(s).

New assessments use it; earlier assessments keep the framework they were made with.</source>
        <translation>
            <numerusform>Ahora se usa «{name}» (versión {version}): %n elemento en {groups} grupo(s).

Las valoraciones nuevas lo usan; las anteriores conservan el marco con el que se hicieron.</numerusform>
            <numerusform>Ahora se usa «{name}» (versión {version}): %n elementos en {groups} grupo(s).

Las valoraciones nuevas lo usan; las anteriores conservan el marco con el que se hicieron.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <source>Details</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Cuenta de acceso</translation>
    </message>
    <message>
        <source>Profile entry</source>
        <translation>Entrada del perfil</translation>
    </message>
    <message>
        <source>Backpack</source>
        <translation>Mochila</translation>
    </message>
    <message>
        <source>Voice and choice</source>
        <translation>Voz y elección</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>Action step</source>
        <translation>Paso de acción</translation>
    </message>
    <message>
        <source>Goal support</source>
        <translation>Apoyo de la meta</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencia</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>Conference</source>
        <translation>Reunión</translation>
    </message>
    <message>
        <source>Stages assessment</source>
        <translation>Valoración de las etapas</translation>
    </message>
    <message>
        <source>Stages rating</source>
        <translation>Valoración de un elemento</translation>
    </message>
    <message>
        <source>Conference day planned</source>
        <translation>Día de conferencia planeado</translation>
    </message>
    <message>
        <source>Question from the teacher</source>
        <translation>Pregunta del docente</translation>
    </message>
    <message>
        <source>Answer to a question</source>
        <translation>Respuesta a una pregunta</translation>
    </message>
    <message>
        <source>given name</source>
        <translation>nombre de pila</translation>
    </message>
    <message>
        <source>family name</source>
        <translation>apellido</translation>
    </message>
    <message>
        <source>preferred name</source>
        <translation>nombre preferido</translation>
    </message>
    <message>
        <source>pronouns</source>
        <translation>pronombres</translation>
    </message>
    <message>
        <source>grade</source>
        <translation>grado</translation>
    </message>
    <message>
        <source>group</source>
        <translation>grupo</translation>
    </message>
    <message>
        <source>student ID</source>
        <translation>ID del estudiante</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>acuerdo</translation>
    </message>
    <message>
        <source>teacher only</source>
        <translation>solo docentes</translation>
    </message>
    <message>
        <source>who sees it</source>
        <translation>quién lo ve</translation>
    </message>
    <message>
        <source>statement</source>
        <translation>enunciado</translation>
    </message>
    <message>
        <source>why</source>
        <translation>por qué</translation>
    </message>
    <message>
        <source>focus</source>
        <translation>enfoque</translation>
    </message>
    <message>
        <source>lens</source>
        <translation>lente</translation>
    </message>
    <message>
        <source>target date</source>
        <translation>fecha objetivo</translation>
    </message>
    <message>
        <source>status</source>
        <translation>estado</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <source>done on</source>
        <translation>hecho el</translation>
    </message>
    <message>
        <source>who</source>
        <translation>quién</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>fecha límite</translation>
    </message>
    <message>
        <source>date</source>
        <translation>fecha</translation>
    </message>
    <message>
        <source>who took part</source>
        <translation>participantes</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notas</translation>
    </message>
    <message>
        <source>agreements</source>
        <translation>acuerdos</translation>
    </message>
    <message>
        <source>next check-in</source>
        <translation>próximo seguimiento</translation>
    </message>
    <message>
        <source>Stages: {element}</source>
        <translation>Etapas: {element}</translation>
    </message>
    <message>
        <source>learner</source>
        <translation>aprendiz</translation>
    </message>
    <message>
        <source>teacher</source>
        <translation>docente</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>acordado</translation>
    </message>
    <message>
        <source>{what}: added</source>
        <translation>{what}: agregado</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>quitado</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>restaurado</translation>
    </message>
    <message>
        <source>{what}: {field} kept, of two versions</source>
        <translation>{what}: {field} conservado, de dos versiones</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>sin hacer</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Después</translation>
    </message>
    <message>
        <source>{who}, in {teacher}&apos;s session</source>
        <translation>{who}, en la sesión de {teacher}</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>I am…</source>
        <translation>Yo soy…</translation>
    </message>
    <message>
        <source>Words I choose</source>
        <translation>Palabras que elijo</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>Fortalezas</translation>
    </message>
    <message>
        <source>Challenges</source>
        <translation>Desafíos</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>Intereses</translation>
    </message>
    <message>
        <source>Aspirations</source>
        <translation>Aspiraciones</translation>
    </message>
    <message>
        <source>Talents and passions</source>
        <translation>Talentos y pasiones</translation>
    </message>
    <message>
        <source>What works</source>
        <translation>Lo que me funciona</translation>
    </message>
    <message>
        <source>What gets in the way</source>
        <translation>Lo que me frena</translation>
    </message>
    <message>
        <source>For my next conference</source>
        <translation>Para mi próxima reunión</translation>
    </message>
    <message>
        <source>{lens}: {section}</source>
        <translation>{lens}: {section}</translation>
    </message>
    <message>
        <source>A word that describes me</source>
        <translation>Una palabra que me describe</translation>
    </message>
    <message>
        <source>Something I&apos;m good at</source>
        <translation>Algo que hago bien</translation>
    </message>
    <message>
        <source>Something that is hard for me</source>
        <translation>Algo que me resulta difícil</translation>
    </message>
    <message>
        <source>Something I like or care about</source>
        <translation>Algo que me gusta o me importa</translation>
    </message>
    <message>
        <source>What I hope to do or become</source>
        <translation>Lo que espero hacer o llegar a ser</translation>
    </message>
    <message>
        <source>A talent or passion</source>
        <translation>Un talento o una pasión</translation>
    </message>
    <message>
        <source>Something I want to talk about or change next time</source>
        <translation>Algo de lo que quiero hablar o que quiero cambiar la próxima vez</translation>
    </message>
    <message>
        <source>A short &apos;I am…&apos; sentence, in your words</source>
        <translation>Una frase corta «Yo soy…», con tus palabras</translation>
    </message>
    <message>
        <source>Add it in your words</source>
        <translation>Añádelo con tus palabras</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Acceder</translation>
    </message>
    <message>
        <source>Engage</source>
        <translation>Participar</translation>
    </message>
    <message>
        <source>Express</source>
        <translation>Expresar</translation>
    </message>
    <message>
        <source>How I best take in information</source>
        <translation>Cómo recibo mejor la información</translation>
    </message>
    <message>
        <source>What keeps me going</source>
        <translation>Qué me mantiene motivado</translation>
    </message>
    <message>
        <source>How I best show what I know</source>
        <translation>Cómo muestro mejor lo que sé</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Aprendiz</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Docente</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Acordado</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Sugerencia</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Aceptado</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Herramienta</translation>
    </message>
    <message>
        <source>App</source>
        <translation>Aplicación</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Estrategia</translation>
    </message>
    <message>
        <source>Skill</source>
        <translation>Habilidad</translation>
    </message>
    <message>
        <source>What I learn (topic)</source>
        <translation>Qué aprendo (tema)</translation>
    </message>
    <message>
        <source>How I learn (path, strategy)</source>
        <translation>Cómo aprendo (ruta, estrategia)</translation>
    </message>
    <message>
        <source>How I show it (product)</source>
        <translation>Cómo lo demuestro (producto)</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>Ritmo</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>With whom</source>
        <translation>Con quién</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>I have this today</source>
        <translation>Ya lo tengo hoy</translation>
    </message>
    <message>
        <source>I&apos;m asking for this</source>
        <translation>Lo estoy pidiendo</translation>
    </message>
    <message>
        <source>Learning</source>
        <translation>Aprendizaje</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>College and career</source>
        <translation>Estudios superiores y carrera</translation>
    </message>
    <message>
        <source>Citizenship</source>
        <translation>Ciudadanía</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Sin empezar</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Lograda</translation>
    </message>
    <message>
        <source>Revised</source>
        <translation>Revisada</translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>Dejada de lado</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Todavía no</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>Empezando</translation>
    </message>
    <message>
        <source>On my way</source>
        <translation>Voy en camino</translation>
    </message>
    <message>
        <source>Got it!</source>
        <translation>¡Lo logré!</translation>
    </message>
    <message>
        <source>{value} · {word}</source>
        <translation>{value} · {word}</translation>
    </message>
</context>
<context>
    <name>passport</name>
    <message>
        <source>suggestion, waiting for the learner</source>
        <translation>sugerencia, espera al aprendiz</translation>
    </message>
    <message>
        <source>teacher-only note</source>
        <translation>nota solo para docentes</translation>
    </message>
    <message>
        <source>Suggested change: {text}</source>
        <translation>Cambio sugerido: {text}</translation>
    </message>
    <message>
        <source>Nothing written yet.</source>
        <translation>Todavía no hay nada escrito.</translation>
    </message>
    <message>
        <source>Grade {grade}</source>
        <translation>Grado {grade}</translation>
    </message>
    <message>
        <source>Student ID {id}</source>
        <translation>Identificador del estudiante {id}</translation>
    </message>
    <message>
        <source>No goals yet.</source>
        <translation>Todavía no hay metas.</translation>
    </message>
    <message>
        <source>target {date}</source>
        <translation>fecha meta: {date}</translation>
    </message>
    <message>
        <source>Why it matters: {why}</source>
        <translation>Por qué importa: {why}</translation>
    </message>
    <message>
        <source>by {date}</source>
        <translation>para el {date}</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>Supports:</source>
        <translation>Apoyos:</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencia</translation>
    </message>
    <message>
        <source>Latest check-ins</source>
        <translation>Últimos seguimientos</translation>
    </message>
    <message numerus="yes">
        <source>… and %n earlier check-in(s) in the profile.</source>
        <translation>
            <numerusform>… y %n seguimiento anterior en el perfil.</numerusform>
            <numerusform>… y %n seguimientos anteriores en el perfil.</numerusform>
        </translation>
    </message>
    <message>
        <source>best work</source>
        <translation>mejor trabajo</translation>
    </message>
    <message>
        <source>Stages of Personalized Learning: where we are now</source>
        <extracomment>How tall a best work&apos;s thumbnail stands in the passport, in points.</extracomment>
        <translation>Etapas del Aprendizaje Personalizado: dónde estamos ahora</translation>
    </message>
    <message>
        <source>No Stages ratings yet.</source>
        <translation>Todavía no hay valoraciones de las etapas.</translation>
    </message>
    <message>
        <source>No conferences yet.</source>
        <translation>Todavía no hay reuniones.</translation>
    </message>
    <message>
        <source>led by the learner</source>
        <translation>dirigida por el aprendiz</translation>
    </message>
    <message>
        <source>led by the teacher</source>
        <translation>dirigida por la persona docente</translation>
    </message>
    <message>
        <source>Agreed: {text}</source>
        <translation>Acordamos: {text}</translation>
    </message>
    <message>
        <source>Next check-in: {date}</source>
        <translation>Próximo seguimiento: {date}</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Aprendiz</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familia</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Docente</translation>
    </message>
    <message>
        <source>proud of</source>
        <translation>le enorgullece</translation>
    </message>
    <message>
        <source>evidence chosen</source>
        <translation>evidencia elegida</translation>
    </message>
    <message>
        <source>goal</source>
        <translation>meta</translation>
    </message>
    <message>
        <source>needs</source>
        <translation>necesita</translation>
    </message>
    <message>
        <source>said</source>
        <translation>dijo</translation>
    </message>
    <message>
        <source>will do</source>
        <translation>va a hacer</translation>
    </message>
    <message>
        <source>Learner passport: the whole profile, made on {date}</source>
        <translation>Pasaporte del aprendiz: el perfil completo, hecho el {date}</translation>
    </message>
    <message>
        <source>About me and what I bring</source>
        <translation>Sobre mí y lo que aporto</translation>
    </message>
    <message>
        <source>How I learn best</source>
        <translation>Cómo aprendo mejor</translation>
    </message>
    <message>
        <source>My learning backpack</source>
        <translation>Mi mochila de aprendizaje</translation>
    </message>
    <message>
        <source>Tool or strategy</source>
        <translation>Herramienta o estrategia</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Lens</source>
        <translation>Lente</translation>
    </message>
    <message>
        <source>How it helps</source>
        <translation>Cómo ayuda</translation>
    </message>
    <message>
        <source>Voice and choice</source>
        <translation>Voz y elección</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>Opción</translation>
    </message>
    <message>
        <source>My goals</source>
        <translation>Mis metas</translation>
    </message>
    <message>
        <source>Conferences</source>
        <translation>Reuniones</translation>
    </message>
    <message>
        <source>Written together by the learner and their teachers with plprofile. The profile file (JSON) holds the same, with every date and author.</source>
        <translation>Escrito en conjunto por el aprendiz y sus docentes con plprofile. El archivo del perfil (JSON) contiene lo mismo, con cada fecha y cada autor.</translation>
    </message>
    <message>
        <source>Learner passport: {name}</source>
        <translation>Pasaporte del aprendiz: {name}</translation>
    </message>
</context>
<context>
    <name>profile_transfer</name>
    <message>
        <source>Profile file, to import elsewhere (*.json)</source>
        <translation>Archivo del perfil, para importarlo en otro lugar (*.json)</translation>
    </message>
    <message>
        <source>Learner passport PDF in English (*.pdf)</source>
        <translation>Pasaporte del aprendiz en PDF, en inglés (*.pdf)</translation>
    </message>
    <message>
        <source>Learner passport PDF in Spanish (*.pdf)</source>
        <translation>Pasaporte del aprendiz en PDF, en español (*.pdf)</translation>
    </message>
    <message>
        <source>Profile file sealed with a passphrase (*.plpx)</source>
        <translation>Archivo del perfil sellado con una frase de contraseña (*.plpx)</translation>
    </message>
    <message>
        <source>Export the whole profile</source>
        <translation>Exportar el perfil completo</translation>
    </message>
    <message>
        <source>{path} already exists; nothing was written.</source>
        <translation>{path} ya existe; no se escribió nada.</translation>
    </message>
    <message>
        <source>The profile</source>
        <translation>El perfil</translation>
    </message>
    <message>
        <source>The file could not be written: {reason}</source>
        <translation>No se pudo escribir el archivo: {reason}</translation>
    </message>
    <message>
        <source>The profile of {name} was saved to {path}.</source>
        <translation>El perfil de {name} se guardó en {path}.</translation>
    </message>
    <message>
        <source>Import a profile</source>
        <translation>Importar un perfil</translation>
    </message>
    <message>
        <source>Profile files (*.json *.plpx);;All files (*)</source>
        <translation>Archivos de perfil (*.json *.plpx);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}</source>
        <translation>No se puede leer el archivo: {reason}</translation>
    </message>
    <message>
        <source>That passphrase does not open {name} (or the file was altered). Nothing was imported.</source>
        <translation>Esa frase de contraseña no abre {name} (o el archivo fue alterado). No se importó nada.</translation>
    </message>
    <message numerus="yes">
        <source>Merged the profile of {name}: %n row(s) added.</source>
        <translation>
            <numerusform>Se combinó el perfil de {name}: se añadió %n fila.</numerusform>
            <numerusform>Se combinó el perfil de {name}: se añadieron %n filas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) were already here and were left as they were.</source>
        <translation>
            <numerusform>%n fila ya estaba aquí y quedó como estaba.</numerusform>
            <numerusform>%n filas ya estaban aquí y quedaron como estaban.</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported the profile of {name}.</source>
        <translation>Se importó el perfil de {name}.</translation>
    </message>
</context>
<context>
    <name>recorder</name>
    <message>
        <source>This computer cannot record in the app. Record on a phone or tablet, then choose the file with “Choose a recording”.</source>
        <extracomment>The longest recording, in seconds: a spoken answer, well under the evidence files&apos; size limit.</extracomment>
        <translation>Este ordenador no puede grabar en la aplicación. Graba en un teléfono o una tableta y luego elige el archivo con «Elegir una grabación».</translation>
    </message>
    <message>
        <source>No microphone was found. Plug one in, or choose a recording file with “Choose a recording”.</source>
        <translation>No se encontró ningún micrófono. Conecta uno o elige un archivo de grabación con «Elegir una grabación».</translation>
    </message>
</context>
<context>
    <name>services</name>
    <message>
        <source>Only a teacher can change the framework.</source>
        <translation>Solo un docente puede cambiar el marco.</translation>
    </message>
    <message>
        <source>A learner records their own view; the teacher&apos;s and agreed values are recorded by a teacher.</source>
        <translation>Un aprendiz registra su propia visión; los valores del docente y los acordados los registra un docente.</translation>
    </message>
    <message>
        <source>Only a teacher can see the class overview.</source>
        <translation>Solo un docente puede ver el resumen de la clase.</translation>
    </message>
    <message>
        <source>A learner can only see and change their own profile.</source>
        <translation>Un aprendiz solo puede ver y cambiar su propio perfil.</translation>
    </message>
    <message>
        <source>Only a teacher can do this.</source>
        <translation>Solo un docente puede hacer esto.</translation>
    </message>
    <message>
        <source>A learner can change only their preferred name and pronouns.</source>
        <translation>Un aprendiz solo puede cambiar su nombre preferido y sus pronombres.</translation>
    </message>
    <message>
        <source>Only a teacher can write a teacher-only note.</source>
        <translation>Solo un docente puede escribir una nota solo para docentes.</translation>
    </message>
    <message>
        <source>A teacher cannot change a learner&apos;s own words; add a suggestion instead.</source>
        <translation>Un docente no puede cambiar las palabras propias de un aprendiz; agrega una sugerencia en su lugar.</translation>
    </message>
    <message>
        <source>Only the learner can accept or decline a suggestion.</source>
        <translation>Solo el aprendiz puede aceptar o rechazar una sugerencia.</translation>
    </message>
    <message>
        <source>The learner agrees to a teacher&apos;s suggestion, not the teacher.</source>
        <translation>Es el aprendiz quien acepta la sugerencia de un docente, no el docente.</translation>
    </message>
    <message>
        <source>A teacher cannot remove a learner&apos;s own words.</source>
        <translation>Un docente no puede quitar las palabras propias de un aprendiz.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <extracomment>A teacher-only note, or anything hanging from one (a suggestion on it). ACCOUNT rows: &quot;teacher&quot;, &quot;admin&quot; or &quot;learner&quot;; and whether it is the last staff account that can sign in. The accounts that teach the row&apos;s learner in a class (teachers and aides of the learner&apos;s open classes; empty when the learner is in none), or ``ALL_STAFF`` when the school has no classes yet (every teacher sees every learner). Left out (None), a teacher&apos;s rule for a learner&apos;s row denies: deny by default.</extracomment>
        <translation>Primero inicia sesión.</translation>
    </message>
    <message>
        <source>That is not yours to see or change.</source>
        <translation>Eso no es tuyo para verlo ni cambiarlo.</translation>
    </message>
    <message>
        <source>That cannot be changed this way.</source>
        <translation>Eso no se puede cambiar de esta manera.</translation>
    </message>
    <message>
        <source>Assessments and check-ins are kept as they were made.</source>
        <translation>Las valoraciones y los seguimientos se guardan tal como se hicieron.</translation>
    </message>
    <message>
        <source>You can remove only what you wrote yourself.</source>
        <translation>Solo puedes quitar lo que escribiste tú.</translation>
    </message>
    <message>
        <source>The last teacher account cannot be removed.</source>
        <translation>No se puede quitar la última cuenta de docente.</translation>
    </message>
    <message>
        <source>Only a teacher can set up, reset or remove accounts.</source>
        <translation>Solo un docente puede crear, restablecer o quitar cuentas.</translation>
    </message>
    <message>
        <source>A learner&apos;s account goes only with the learner.</source>
        <translation>La cuenta de un aprendiz solo se va junto con el aprendiz.</translation>
    </message>
    <message>
        <source>That challenge belongs to another learner.</source>
        <translation>Ese desafío pertenece a otro aprendiz.</translation>
    </message>
    <message>
        <source>That backpack item belongs to another learner.</source>
        <translation>Ese elemento de la mochila pertenece a otro aprendiz.</translation>
    </message>
    <message>
        <source>That learner is not in one of your classes.</source>
        <translation>Ese aprendiz no está en ninguna de tus clases.</translation>
    </message>
    <message>
        <source>Only a school admin can change the school&apos;s classes and years.</source>
        <translation>Solo una persona administradora del centro puede cambiar las clases y los cursos escolares.</translation>
    </message>
    <message>
        <source>Only a school admin can set another teacher&apos;s password.</source>
        <translation>Solo un administrador del centro puede poner la contraseña de otro docente.</translation>
    </message>
    <message>
        <source>Change your own password with Change my password.</source>
        <translation>Cambia tu propia contraseña con Cambiar mi contraseña.</translation>
    </message>
    <message>
        <source>A year&apos;s snapshot is kept as it was.</source>
        <translation>La instantánea de un curso se guarda tal como estaba.</translation>
    </message>
    <message>
        <source>The learner decides between two versions of their own words.</source>
        <translation>El aprendiz decide entre dos versiones de sus propias palabras.</translation>
    </message>
    <message>
        <source>Your teacher decides which version of this to keep.</source>
        <translation>Tu docente decide qué versión de esto se guarda.</translation>
    </message>
    <message>
        <source>Only the learner who wrote it chooses who sees it.</source>
        <translation>Solo quien lo escribió elige quién lo ve.</translation>
    </message>
    <message>
        <source>This store holds learners&apos; profiles but no teacher account. Restore a backup from before the accounts were lost, or ask whoever looks after the school&apos;s computers.</source>
        <translation>Este almacén tiene perfiles de aprendices pero ninguna cuenta de docente. Restaure una copia de seguridad de antes de que se perdieran las cuentas, o pregunte a quien se ocupa de los ordenadores de la escuela.</translation>
    </message>
    <message>
        <source>{n} learner(s) in the file are already in the class (IDs {ids}).</source>
        <translation>{n} aprendiz(ces) del archivo ya están en la clase (ID {ids}).</translation>
    </message>
    <message>
        <source>Rate at least one element before saving.</source>
        <translation>Valora al menos un elemento antes de guardar.</translation>
    </message>
    <message>
        <source>The password contains an invalid character.</source>
        <translation>La contraseña contiene un carácter no válido.</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>Un PIN tiene de 4 a 8 dígitos.</translation>
    </message>
    <message>
        <source>The sign-in name cannot be empty.</source>
        <translation>El nombre de usuario no puede estar vacío.</translation>
    </message>
    <message>
        <source>A sign-in name is one word of at most 100 characters, without spaces.</source>
        <translation>Un nombre de usuario es una sola palabra de como máximo 100 caracteres, sin espacios.</translation>
    </message>
    <message>
        <source>This store already has a teacher account.</source>
        <translation>Esta base de datos ya tiene una cuenta de docente.</translation>
    </message>
    <message>
        <source>Type your sign-in name.</source>
        <extracomment>Failures allowed before each further try must wait, and before the account locks. Marks the hash of a PIN mixed with the store&apos;s pepper (``plprofile.services.pepper``) before hashing.</extracomment>
        <translation>Escribe tu nombre de usuario.</translation>
    </message>
    <message>
        <source>Type your password or PIN.</source>
        <translation>Escribe tu contraseña o PIN.</translation>
    </message>
    <message>
        <source>That name and password or PIN do not match. Please try again.</source>
        <translation>Ese nombre y esa contraseña o PIN no coinciden. Vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Too many wrong tries: this account is locked for a while. A teacher can unlock it.</source>
        <translation>Demasiados intentos fallidos: esta cuenta queda bloqueada por un tiempo. Un docente puede desbloquearla.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file.</source>
        <extracomment>Inserted before the suffix of a copy that could not be verified (a damaged store kept before a restore). Backup kinds, as they appear at the start of a backup&apos;s file name. ``manual-20261123T093500Z.sqlite3``, ``pre-migration-0001_initial-20261123T093500Z-2.sqlite3``, ... ``progress(remaining_pages, total_pages)``, called from the thread doing the copy.</extracomment>
        <translation>{path} es una carpeta, no un archivo.</translation>
    </message>
    <message>
        <source>There is no file at {path}.</source>
        <translation>No hay ningún archivo en {path}.</translation>
    </message>
    <message>
        <source>{path} cannot be read: {reason}.</source>
        <translation>No se puede leer {path}: {reason}.</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>{name} está vacío.</translation>
    </message>
    <message>
        <source>{name} is incomplete: it is {size} bytes, not a whole number of pages (it was probably cut short while being copied).</source>
        <translation>{name} está incompleto: tiene {size} bytes, no un número entero de páginas (seguramente se cortó mientras se copiaba).</translation>
    </message>
    <message>
        <source>{name} is not a plprofile store or backup (it is another kind of file, or badly damaged).</source>
        <translation>{name} no es una base de datos ni una copia de seguridad de plprofile (es otro tipo de archivo, o está muy dañado).</translation>
    </message>
    <message>
        <source>{name} is damaged (its header is not valid).</source>
        <translation>{name} está dañado (su cabecera no es válida).</translation>
    </message>
    <message>
        <source>{name} is incomplete: it is {size} bytes but should be {expected} (it was probably cut short while being copied).</source>
        <translation>{name} está incompleto: tiene {size} bytes pero debería tener {expected} (seguramente se cortó mientras se copiaba).</translation>
    </message>
    <message>
        <source>{name} is encrypted. It needs the password of a teacher who could open the store it was made from, or that store&apos;s recovery key.</source>
        <translation>{name} está cifrado. Necesita la contraseña de un docente que pudiera abrir la base de datos de la que se hizo, o la clave de recuperación de esa base de datos.</translation>
    </message>
    <message>
        <source>There is not enough free space in {folder}. Nothing was written; free some space and try again.</source>
        <translation>No hay espacio libre suficiente en {folder}. No se escribió nada; libera espacio y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be written to (it is read-only, or you do not have permission). Nothing was written.</source>
        <translation>No se puede escribir en la carpeta {folder} (es de solo lectura o no tienes permiso). No se escribió nada.</translation>
    </message>
    <message>
        <source>{folder} could not be written: {reason}. Nothing was written.</source>
        <translation>No se pudo escribir en {folder}: {reason}. No se escribió nada.</translation>
    </message>
    <message>
        <source>{name} is damaged or is not a plprofile store, so it cannot be copied.</source>
        <translation>{name} está dañado o no es una base de datos de plprofile, así que no se puede copiar.</translation>
    </message>
    <message>
        <source>{name} is damaged or is not a plprofile store, so it cannot be copied ({detail}).</source>
        <translation>{name} está dañado o no es una base de datos de plprofile, así que no se puede copiar ({detail}).</translation>
    </message>
    <message>
        <source>{name} is busy (another program is writing to it). Try again in a moment.</source>
        <translation>{name} está ocupado (otro programa está escribiendo en él). Vuelve a intentarlo dentro de un momento.</translation>
    </message>
    <message>
        <source>The copy of {name} failed: {detail}.</source>
        <translation>La copia de {name} falló: {detail}.</translation>
    </message>
    <message>
        <source>{path} cannot be read: {detail}.</source>
        <translation>No se puede leer {path}: {detail}.</translation>
    </message>
    <message>
        <source>There is no store at {path} to back up.</source>
        <translation>No hay ninguna base de datos en {path} de la que hacer una copia de seguridad.</translation>
    </message>
    <message>
        <source>The backup of {name} did not pass its check ({problem}), so it was not kept. The store itself may be damaged: run &apos;plprofile check&apos;.</source>
        <translation>La copia de seguridad de {name} no pasó su comprobación ({problem}), así que no se guardó. Puede que la propia base de datos esté dañada: ejecuta «plprofile check».</translation>
    </message>
    <message>
        <source>There is no store in {folder} to back up.</source>
        <translation>No hay ninguna base de datos en {folder} de la que hacer una copia de seguridad.</translation>
    </message>
    <message>
        <source>{path} already exists. A backup never overwrites a file; choose another name.</source>
        <translation>{path} ya existe. Una copia de seguridad nunca sobrescribe un archivo; elige otro nombre.</translation>
    </message>
    <message>
        <source>The backups folder {folder} cannot be read: {reason}.</source>
        <translation>No se puede leer la carpeta de copias de seguridad {folder}: {reason}.</translation>
    </message>
    <message>
        <source>{problem} It cannot be restored.</source>
        <translation>{problem} No se puede restaurar.</translation>
    </message>
    <message>
        <source>{name} is damaged ({detail}). It cannot be restored.</source>
        <translation>{name} está dañado ({detail}). No se puede restaurar.</translation>
    </message>
    <message>
        <source>{name} is not a plprofile backup (it holds no plprofile data). It cannot be restored.</source>
        <translation>{name} no es una copia de seguridad de plprofile (no contiene datos de plprofile). No se puede restaurar.</translation>
    </message>
    <message>
        <source>{name} was made by a newer version of plprofile, or by another program (schema {revision}). Update plprofile to restore it.</source>
        <translation>{name} se hizo con una versión más nueva de plprofile o con otro programa (esquema {revision}). Actualiza plprofile para restaurarla.</translation>
    </message>
    <message>
        <source>{name} is not a complete plprofile store: {missing}. It cannot be restored.</source>
        <translation>{name} no es una base de datos completa de plprofile: {missing}. No se puede restaurar.</translation>
    </message>
    <message>
        <source>{reason} {needs}</source>
        <translation>{reason} {needs}</translation>
    </message>
    <message>
        <source>That file is the store itself, not a backup of it.</source>
        <translation>Ese archivo es la base de datos misma, no una copia de seguridad.</translation>
    </message>
    <message>
        <source>The store is encrypted and {name} is not. Restoring it needs a teacher&apos;s password or the store&apos;s recovery key, so that the restored store is encrypted too; to restore it unencrypted on purpose, ask for that explicitly (plprofile backup restore --unencrypted). Nothing was changed.</source>
        <translation>La base de datos está cifrada y {name} no. Para restaurarla hace falta la contraseña de un docente o la clave de recuperación de la base de datos, para que la base restaurada también quede cifrada; para restaurarla sin cifrar a propósito, pídelo de forma explícita (plprofile backup restore --unencrypted). No se cambió nada.</translation>
    </message>
    <message>
        <source>{name} could not be encrypted for the store: {detail}. Nothing was changed.</source>
        <translation>No se pudo cifrar {name} para la base de datos: {detail}. No se cambió nada.</translation>
    </message>
    <message>
        <source>The store is open in plprofile or in another program. Close it and try again; nothing was changed.</source>
        <translation>La base de datos está abierta en plprofile o en otro programa. Ciérrala y vuelve a intentarlo; no se cambió nada.</translation>
    </message>
    <message>
        <source>This entry is not waiting for a decision.</source>
        <translation>Esta entrada no está esperando una decisión.</translation>
    </message>
    <message>
        <source>The next check-in date cannot be before the conference.</source>
        <translation>La fecha del próximo seguimiento no puede ser anterior a la reunión.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <extracomment>Longest value accepted in any known column (same limit as a learner&apos;s name in the profile). How many problems ``str(RosterError)`` lists before &quot;... and N more&quot;. The columns a roster may have, in display order; the first two are required.</extracomment>
        <translation>El archivo está vacío.</translation>
    </message>
    <message>
        <source>The first row could not be read as column names.</source>
        <translation>La primera fila no se pudo leer como nombres de columnas.</translation>
    </message>
    <message>
        <source>The file has column names but no learners.</source>
        <translation>El archivo tiene nombres de columnas pero ningún aprendiz.</translation>
    </message>
    <message>
        <source>The file has no learners (no row has the role &apos;student&apos;).</source>
        <translation>El archivo no tiene aprendices (ninguna fila tiene el rol «student»).</translation>
    </message>
    <message>
        <source>The file starts as UTF-16 text (&apos;Unicode Text&apos;) but is damaged. Save it as &apos;CSV UTF-8&apos; and try again.</source>
        <translation>El archivo empieza como texto UTF-16 («Texto Unicode») pero está dañado. Guárdalo como «CSV UTF-8» e inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>The learner is deleted, but another program is still reading the store, so the store&apos;s journal (-wal) could not be emptied yet. Close the other program and erase again.</source>
        <extracomment>How long a checkpoint may wait for readers to finish before the store is reported as still holding them. Tables kept as they are (an erasure&apos;s memory holds only a one-way token of the id, no learner_id column).</extracomment>
        <translation>El aprendiz está eliminado, pero otro programa sigue leyendo la base de datos, así que su diario (-wal) aún no se ha podido vaciar. Cierra el otro programa y vuelve a borrar.</translation>
    </message>
    <message>
        <source>The file is a spreadsheet workbook, not a CSV file. In your spreadsheet program, save it as &apos;CSV UTF-8&apos; and try again.</source>
        <translation>El archivo es un libro de hoja de cálculo, no un archivo CSV. En tu programa de hojas de cálculo, guárdalo como «CSV UTF-8» e inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>The file&apos;s text encoding cannot be recognised. Save it as &apos;CSV UTF-8&apos; and try again.</source>
        <translation>No se reconoce la codificación del texto del archivo. Guárdalo como «CSV UTF-8» e inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>The set has no manifest.csv, so it is not a OneRoster set.</source>
        <translation>El conjunto no tiene manifest.csv, así que no es un conjunto OneRoster.</translation>
    </message>
    <message>
        <source>The .zip unpacks to more than 500 MB; that is not a school&apos;s roster.</source>
        <translation>El .zip ocupa más de 500 MB al descomprimirlo; eso no es el listado de un centro.</translation>
    </message>
    <message>
        <source>The .zip file is damaged or not a .zip file.</source>
        <translation>El archivo .zip está dañado o no es un archivo .zip.</translation>
    </message>
    <message>
        <source>the set has no users, classes or enrollments to import.</source>
        <translation>el conjunto no tiene usuarios, clases ni inscripciones que importar.</translation>
    </message>
    <message>
        <source>a value is far too long to read: a quote mark (&quot;) may never be closed.</source>
        <translation>un valor es demasiado largo para leerlo: puede que unas comillas (&quot;) no se cierren nunca.</translation>
    </message>
    <message>
        <source>sourcedId is empty; every row needs its key.</source>
        <translation>sourcedId está vacío; cada fila necesita su clave.</translation>
    </message>
    <message>
        <source>the manifest says this file is absent; it was not read.</source>
        <translation>el manifiesto dice que este archivo no está; no se leyó.</translation>
    </message>
    <message>
        <source>role is empty; the person was not imported.</source>
        <translation>role está vacío; la persona no se importó.</translation>
    </message>
    <message>
        <source>The store changed since the preview. Nothing was imported; import the set again.</source>
        <translation>El almacén cambió desde la vista previa. No se importó nada; vuelve a importar el conjunto.</translation>
    </message>
    <message>
        <source>Row {row}: “{column}” is empty.</source>
        <translation>Fila {row}: «{column}» está vacío.</translation>
    </message>
    <message>
        <source>Row {row}: “{column}” is too long ({n} characters, at most {limit}).</source>
        <translation>Fila {row}: «{column}» es demasiado largo ({n} caracteres, como máximo {limit}).</translation>
    </message>
    <message>
        <source>Row {row} has {n} values but there are only {width} column names. Check it for an extra separator, or put a value that contains one in quotes.</source>
        <translation>La fila {row} tiene {n} valores, pero solo hay {width} nombres de columnas. Revisa si tiene un separador de más, o pon entre comillas un valor que contenga uno.</translation>
    </message>
    <message>
        <source>{field} cannot be empty.</source>
        <extracomment>The learner&apos;s agenda in a student-led conference, in the order they talk about it. The check-in scale: how is it going? (1 = not yet, 4 = got it)</extracomment>
        <translation>{field} no puede estar vacío.</translation>
    </message>
    <message>
        <source>{field} is too long ({n} characters, at most {limit}).</source>
        <translation>{field} es demasiado largo ({n} caracteres, como máximo {limit}).</translation>
    </message>
    <message>
        <source>{field} contains an invalid character.</source>
        <translation>{field} contiene un carácter no válido.</translation>
    </message>
    <message>
        <source>This was already decided; the list shows what is left.</source>
        <translation>Esto ya se decidió; la lista muestra lo que queda.</translation>
    </message>
    <message>
        <source>A password needs at least {n} characters.</source>
        <translation>Una contraseña necesita al menos {n} caracteres.</translation>
    </message>
    <message>
        <source>A password can have at most {n} characters.</source>
        <translation>Una contraseña puede tener como máximo {n} caracteres.</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>La contraseña actual no es correcta.</translation>
    </message>
    <message>
        <source>The sign-in name “{name}” is taken; choose another.</source>
        <translation>El nombre de usuario «{name}» ya está en uso; elige otro.</translation>
    </message>
    <message>
        <source>Another learner already has the ID “{id}”.</source>
        <translation>Otro aprendiz ya tiene el ID «{id}».</translation>
    </message>
    <message>
        <source>“{element}” is not an element of {framework}.</source>
        <translation>«{element}» no es un elemento de {framework}.</translation>
    </message>
    <message>
        <source>{element}: {problem}</source>
        <translation>{element}: {problem}</translation>
    </message>
    <message>
        <source>{day} is already a day off.</source>
        <translation>{day} ya es un día sin clase.</translation>
    </message>
    <message>
        <source>Did it help? The answer is yes, a bit or no.</source>
        <translation>¿Te ayudó? La respuesta es sí, un poco o no.</translation>
    </message>
    <message>
        <source>A new school year starts after the current one ({title}, from {start}).</source>
        <translation>Un curso nuevo empieza después del actual ({title}, desde el {start}).</translation>
    </message>
    <message>
        <source>The school is already in {title}.</source>
        <translation>La escuela ya está en {title}.</translation>
    </message>
    <message>
        <source>Only an open goal of the preview can be closed.</source>
        <translation>Solo se puede cerrar una meta abierta de la vista previa.</translation>
    </message>
    <message>
        <source>The store changed since the preview. Nothing was changed; look at the new school year again.</source>
        <translation>El almacén cambió desde la vista previa. No se cambió nada; vuelve a mirar el curso nuevo.</translation>
    </message>
    <message>
        <source>Choose who to ask first.</source>
        <translation>Primero elige a quién preguntar.</translation>
    </message>
    <message>
        <source>Too many wrong tries: wait {n} minutes or ask a teacher to unlock it.</source>
        <translation>Demasiados intentos fallidos: espera {n} minutos o pide a un docente que la desbloquee.</translation>
    </message>
    <message>
        <source>Too many wrong tries: wait {n} seconds and try again.</source>
        <translation>Demasiados intentos fallidos: espera {n} segundos y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>How it&apos;s going must be between {low} and {high}.</source>
        <translation>«Cómo va» debe estar entre {low} y {high}.</translation>
    </message>
    <message>
        <source>{name} could not be rewritten without the learner ({problem}); it was left as it was.</source>
        <translation>No se pudo reescribir {name} sin los datos del estudiante ({problem}); se dejó como estaba.</translation>
    </message>
    <message>
        <source>{name} could not be rewritten without the learner: {reason}. It was left as it was.</source>
        <translation>No se pudo reescribir {name} sin los datos del estudiante: {reason}. Se dejó como estaba.</translation>
    </message>
    <message>
        <source>Nothing was erased: these backups cannot be opened with this store&apos;s key, so {name} could not be removed from them: {files}. Move them off this computer or delete them, then erase again.</source>
        <translation>No se borró nada: estas copias de seguridad no se abren con la clave de esta base de datos, así que no se pudo quitar a {name} de ellas: {files}. Sácalas de esta computadora o elimínalas y vuelve a borrar.</translation>
    </message>
    <message>
        <source>{name} is erased from the store and from {n} backup(s), but not from these: {problems}</source>
        <translation>{name} se ha borrado de la base de datos y de {n} copia(s) de seguridad, pero no de estas: {problems}</translation>
    </message>
    <message>
        <source>“{element}” is rated twice.</source>
        <translation>«{element}» está valorado dos veces.</translation>
    </message>
    <message>
        <source>Choose a password of your own, not the one you were given.</source>
        <translation>Elige una contraseña propia, no la que te dieron.</translation>
    </message>
    <message>
        <source>Change your password with your current one.</source>
        <translation>Cambia tu contraseña indicando la actual.</translation>
    </message>
    <message>
        <source>The file is not {encoding} text (byte {byte} at position {pos}, row {row}).</source>
        <translation>El archivo no es texto {encoding} (byte {byte} en la posición {pos}, fila {row}).</translation>
    </message>
    <message>
        <source>“{name}” is not an encoding this computer knows (try UTF-8, Windows-1252 or UTF-16).</source>
        <translation>«{name}» no es una codificación que este equipo conozca (prueba UTF-8, Windows-1252 o UTF-16).</translation>
    </message>
    <message>
        <source>The file contains a NUL byte (position {pos}, row {row}), so it is not a text file. Save it as “CSV UTF-8” and try again.</source>
        <translation>El archivo contiene un byte NUL (posición {pos}, fila {row}), así que no es un archivo de texto. Guárdalo como «CSV UTF-8» e inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>The file has more than {n} rows; the most one import takes is {m}. Split it into smaller files and import them one by one.</source>
        <translation>El archivo tiene más de {n} filas; una importación admite como máximo {m}. Divídelo en archivos más pequeños e impórtalos uno a uno.</translation>
    </message>
    <message>
        <source>Row {row}: a value is far too long to read. The file may have a quote mark (&quot;) that is never closed.</source>
        <translation>Fila {row}: un valor es demasiado largo para leerlo. Puede que el archivo tenga unas comillas (&quot;) que nunca se cierran.</translation>
    </message>
    <message>
        <source>Rows {rows} have the same {column} “{id}”. Each learner needs their own id.</source>
        <translation>Las filas {rows} tienen el mismo {column} «{id}». Cada aprendiz necesita su propio identificador.</translation>
    </message>
    <message>
        <source>Row {row}: “{column}” contains a line break or another invisible control character. A quote mark (&quot;) may be missing.</source>
        <translation>Fila {row}: «{column}» contiene un salto de línea u otro carácter de control invisible. Puede que falten unas comillas (&quot;).</translation>
    </message>
    <message>
        <source>The columns “{first}” and “{second}” both give the {field}. Keep one of them, or rename the other.</source>
        <translation>Las columnas «{first}» y «{second}» dan las dos el campo {field}. Deja una de ellas o cambia el nombre de la otra.</translation>
    </message>
    <message>
        <source>The file has no “{column}” column. Columns found: {found}. The first row must hold the column names.</source>
        <translation>El archivo no tiene la columna «{column}». Columnas encontradas: {found}. La primera fila debe tener los nombres de las columnas.</translation>
    </message>
    <message>
        <source>the manifest lists {file} ({mode}) but the set does not have it.</source>
        <translation>el manifiesto incluye {file} ({mode}) pero el conjunto no lo tiene.</translation>
    </message>
    <message>
        <source>the column {columns} is missing (the first row must hold the column names).</source>
        <translation>falta la columna {columns} (la primera fila debe tener los nombres de las columnas).</translation>
    </message>
    <message>
        <source>the row has {n} values but there are {m} columns.</source>
        <translation>la fila tiene {n} valores pero hay {m} columnas.</translation>
    </message>
    <message>
        <source>sourcedId “{key}” is also on row {row}; each row needs its own.</source>
        <translation>el sourcedId «{key}» también está en la fila {row}; cada fila necesita el suyo.</translation>
    </message>
    <message>
        <source>{column} is empty.</source>
        <translation>{column} está vacío.</translation>
    </message>
    <message>
        <source>{column} is too long ({n} characters, at most {limit}).</source>
        <translation>{column} es demasiado largo ({n} caracteres, como mucho {limit}).</translation>
    </message>
    <message>
        <source>the student ID “{id}” belongs to another learner in the store (sourcedId “{key}”).</source>
        <translation>el ID de alumno «{id}» es de otro aprendiz del almacén (sourcedId «{key}»).</translation>
    </message>
    <message>
        <source>the student ID “{id}” is also on row {row}.</source>
        <translation>el ID de alumno «{id}» también está en la fila {row}.</translation>
    </message>
    <message>
        <source>oneroster.version is “{version}”; read as OneRoster 1.1.</source>
        <translation>oneroster.version es «{version}»; se leyó como OneRoster 1.1.</translation>
    </message>
    <message>
        <source>file.{name} is “{mode}”; read as bulk.</source>
        <translation>file.{name} es «{mode}»; se leyó como bulk.</translation>
    </message>
    <message>
        <source>the column “{column}” is not a OneRoster column of this file; it was not read.</source>
        <translation>la columna «{column}» no es una columna OneRoster de este archivo; no se leyó.</translation>
    </message>
    <message>
        <source>status “{status}” is neither “active” nor “tobedeleted”; read as active.</source>
        <translation>status «{status}» no es «active» ni «tobedeleted»; se leyó como active.</translation>
    </message>
    <message>
        <source>{column} is “{value}”; read as true.</source>
        <translation>{column} es «{value}»; se leyó como true.</translation>
    </message>
    <message>
        <source>{column} is “{value}”; read as false.</source>
        <translation>{column} es «{value}»; se leyó como false.</translation>
    </message>
    <message>
        <source>{column} is “{value}”, neither true nor false; read as true.</source>
        <translation>{column} es «{value}», ni true ni false; se leyó como true.</translation>
    </message>
    <message>
        <source>{column} is “{value}”, neither true nor false; read as false.</source>
        <translation>{column} es «{value}», ni true ni false; se leyó como false.</translation>
    </message>
    <message>
        <source>{column} “{value}” is not a date written YYYY-MM-DD; it was left out.</source>
        <translation>{column} «{value}» no es una fecha escrita AAAA-MM-DD; se dejó fuera.</translation>
    </message>
    <message>
        <source>user “{user}” has a second primary role “{role}”; the “{kept}” of row {row} was kept.</source>
        <translation>el usuario «{user}» tiene un segundo rol principal «{role}»; se mantuvo el «{kept}» de la fila {row}.</translation>
    </message>
    <message>
        <source>user “{user}” has only a secondary role; “{role}” was used.</source>
        <translation>el usuario «{user}» solo tiene un rol secundario; se usó «{role}».</translation>
    </message>
    <message>
        <source>user “{user}” has no role in roles.csv; they were not imported.</source>
        <translation>el usuario «{user}» no tiene rol en roles.csv; no se importó.</translation>
    </message>
    <message>
        <source>role “{role}” is not one plprofile uses; the person was not imported.</source>
        <translation>el rol «{role}» no es uno que plprofile use; la persona no se importó.</translation>
    </message>
    <message>
        <source>the role “{role}” disagrees with the own role “{own}” of user “{user}”; their own role was used.</source>
        <translation>el rol «{role}» no coincide con el rol propio «{own}» del usuario «{user}»; se usó su rol propio.</translation>
    </message>
    <message>
        <source>user “{user}” is a {role}, not a learner or teacher; the enrollment was not read.</source>
        <translation>el usuario «{user}» es {role}, no aprendiz ni docente; la inscripción no se leyó.</translation>
    </message>
    <message>
        <source>class “{key}” is neither in the set nor in the store; the enrollment was not read.</source>
        <translation>la clase «{key}» no está ni en el conjunto ni en el almacén; la inscripción no se leyó.</translation>
    </message>
    <message>
        <source>user “{key}” is neither in the set nor in the store; the enrollment was not read.</source>
        <translation>el usuario «{key}» no está ni en el conjunto ni en el almacén; la inscripción no se leyó.</translation>
    </message>
    <message>
        <source>the {role} “{key}” has no name; they were not kept as a family contact.</source>
        <translation>{role} «{key}» no tiene nombre; no se guardó como contacto de la familia.</translation>
    </message>
    <message>
        <source>the student “{learner}” of {role} “{key}” is neither in the set nor in the store; the family contact was not kept.</source>
        <translation>el alumno «{learner}» de {role} «{key}» no está ni en el conjunto ni en el almacén; el contacto de la familia no se guardó.</translation>
    </message>
    <message>
        <source>a new school year starts: {title}, from {start}. {old} ends: {n} learner profile(s) kept as a snapshot of the year, {k} class(es) closed, open goals carried over.</source>
        <translation>empieza un curso nuevo: {title}, desde el {start}. {old} termina: {n} perfil(es) de alumnos guardados como instantánea del curso, {k} clase(s) cerradas, las metas abiertas pasan al curso nuevo.</translation>
    </message>
    <message>
        <source>The year before</source>
        <translation>El curso anterior</translation>
    </message>
    <message>
        <source>{file}, row {row}: {message}</source>
        <extracomment>Staff who teach in a class: teacher accounts (aides with the class role ``aide``). Never learners and never accounts: kept as the family contacts of the learners they are linked to.</extracomment>
        <translation>{file}, fila {row}: {message}</translation>
    </message>
    <message>
        <source>{file}: {message}</source>
        <translation>{file}: {message}</translation>
    </message>
    <message>
        <source>This item ({what}) was changed by someone else since you opened it.</source>
        <translation>Otra persona cambió este elemento ({what}) después de que lo abriste.</translation>
    </message>
    <message numerus="yes">
        <source>The file has %n problem(s):</source>
        <translation>
            <numerusform>El archivo tiene %n problema:</numerusform>
            <numerusform>El archivo tiene %n problemas:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… y %n más.</numerusform>
            <numerusform>… y %n más.</numerusform>
        </translation>
    </message>
    <message>
        <source>“{name}” is not a kind of file that can be kept. Add a photo (PNG, JPEG, WebP, HEIC), a PDF or a sound recording (MP3, M4A, OGG, WAV).</source>
        <translation>«{name}» no es un tipo de archivo que se pueda guardar. Añade una foto (PNG, JPEG, WebP, HEIC), un PDF o una grabación de sonido (MP3, M4A, OGG, WAV).</translation>
    </message>
    <message>
        <source>“{name}” is too big ({size}). A file can be at most {limit}.</source>
        <translation>«{name}» es demasiado grande ({size}). Un archivo puede tener como mucho {limit}.</translation>
    </message>
    <message>
        <source>“{name}” could not be read as a picture. The file may be damaged.</source>
        <translation>«{name}» no se pudo leer como imagen. Puede que el archivo esté dañado.</translation>
    </message>
    <message>
        <source>“{name}” is too big a picture ({width} × {height} pixels). Make it smaller and try again.</source>
        <translation>«{name}» es una imagen demasiado grande ({width} × {height} píxeles). Hazla más pequeña y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>“{name}” is a folder. Choose a file instead.</source>
        <translation>«{name}» es una carpeta. Elige un archivo.</translation>
    </message>
    <message>
        <source>This computer cannot read HEIC photos such as “{name}”. Save the photo as a JPEG and try again.</source>
        <translation>Este ordenador no puede leer fotos HEIC como «{name}». Guarda la foto como JPEG y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>“{name}” could not be read.</source>
        <translation>No se pudo leer «{name}».</translation>
    </message>
    <message>
        <source>“{name}” is empty.</source>
        <translation>«{name}» está vacío.</translation>
    </message>
    <message>
        <source>This piece of evidence has no file.</source>
        <translation>Esta evidencia no tiene archivo.</translation>
    </message>
    <message>
        <source>The stored file of this evidence is damaged: it does not match its fingerprint.</source>
        <translation>El archivo guardado de esta evidencia está dañado: no coincide con su huella.</translation>
    </message>
    <message>
        <source>“{name}” is not a sound recording. Choose a recording (MP3, M4A, OGG, WAV).</source>
        <translation>«{name}» no es una grabación de sonido. Elige una grabación (MP3, M4A, OGG, WAV).</translation>
    </message>
    <message>
        <source>This store is already encrypted.</source>
        <translation>Esta base de datos ya está cifrada.</translation>
    </message>
    <message>
        <source>This store is not encrypted.</source>
        <translation>Esta base de datos no está cifrada.</translation>
    </message>
    <message>
        <source>{name} could not be read for the change ({detail}). Nothing was changed.</source>
        <translation>No se pudo leer {name} para el cambio ({detail}). No se cambió nada.</translation>
    </message>
    <message>
        <source>The converted copy of {name} did not pass its check ({problem}). Nothing was changed.</source>
        <translation>La copia convertida de {name} no pasó su comprobación ({problem}). No se cambió nada.</translation>
    </message>
    <message>
        <source>There is no store in {folder}.</source>
        <translation>No hay ninguna base de datos en {folder}.</translation>
    </message>
    <message>
        <source>That key does not open this store. Nothing was changed.</source>
        <translation>Esa clave no abre esta base de datos. No se cambió nada.</translation>
    </message>
    <message>
        <source>{problem} Nothing was changed.</source>
        <translation>{problem} No se cambió nada.</translation>
    </message>
    <message>
        <source>{name} could not be opened: {reason}. Nothing was changed.</source>
        <extracomment>A file of changes larger than this is refused before it is read (a whole school&apos;s history is far below it). ``report(done, total)`` steps of saving and loading: read, check, write.</extracomment>
        <translation>No se pudo abrir {name}: {reason}. No se cambió nada.</translation>
    </message>
    <message>
        <source>{name} is too big to be a file of changes ({size} MB; at most {limit} MB). Nothing was changed.</source>
        <translation>{name} es demasiado grande para ser un archivo de cambios ({size} MB; como máximo {limit} MB). No se cambió nada.</translation>
    </message>
    <message>
        <source>{name} is not a file of changes from plprofile. Nothing was changed.</source>
        <translation>{name} no es un archivo de cambios de plprofile. No se cambió nada.</translation>
    </message>
    <message>
        <source>{name} is damaged or was changed on the way. Nothing was changed: make the file again.</source>
        <translation>{name} está dañado o se modificó por el camino. No se cambió nada: vuelve a crear el archivo.</translation>
    </message>
    <message>
        <source>That passphrase does not open {name}. Nothing was changed.</source>
        <translation>Esa frase de contraseña no abre {name}. No se cambió nada.</translation>
    </message>
    <message>
        <source>{name} was made by a newer plprofile. Update plprofile here, then load it again. Nothing was changed.</source>
        <translation>{name} se hizo con un plprofile más reciente. Actualiza plprofile aquí y vuelve a cargarlo. No se cambió nada.</translation>
    </message>
    <message>
        <source>{name} was made by an older plprofile. Update plprofile on the device that made it and make the file again. Nothing was changed.</source>
        <translation>{name} se hizo con un plprofile más antiguo. Actualiza plprofile en el dispositivo que lo hizo y vuelve a crear el archivo. No se cambió nada.</translation>
    </message>
    <message>
        <source>{name} was made by someone this device does not know (on another school&apos;s device, or by a teacher whose account never came to this device). Nothing was changed.</source>
        <translation>{name} lo hizo alguien que este dispositivo no conoce (en un dispositivo de otro centro, o un docente cuya cuenta nunca llegó a este dispositivo). No se cambió nada.</translation>
    </message>
    <message>
        <source>{name} holds a change that its maker may not make: {reason} Nothing was changed.</source>
        <translation>{name} contiene un cambio que quien lo hizo no puede hacer: {reason} No se cambió nada.</translation>
    </message>
    <message>
        <source>{name} was made by someone who is not one of your teachers, so it was not opened. Nothing was changed.</source>
        <translation>{name} lo hizo alguien que no es tu profe, así que no se abrió. No se cambió nada.</translation>
    </message>
    <message>
        <source>{name} is about someone else, not you. This device keeps only your profile. Nothing was changed.</source>
        <translation>{name} es sobre otra persona, no sobre ti. Este aparato solo guarda tu perfil. No se cambió nada.</translation>
    </message>
    <message>
        <source>{name} holds teachers&apos; own notes, which this device does not keep. Nothing was changed: ask your teacher to make the file again for your device.</source>
        <translation>{name} tiene notas solo para profes, que este aparato no guarda. No se cambió nada: pide a tu profe que haga el archivo otra vez para tu aparato.</translation>
    </message>
    <message>
        <source>{name} already exists; choose another name. Nothing was written.</source>
        <translation>{name} ya existe; elige otro nombre. No se escribió nada.</translation>
    </message>
    <message>
        <source>This store has no teacher or admin account to write the file as. Nothing was written.</source>
        <translation>Este almacén no tiene ninguna cuenta de docente o de administración con la que escribir el archivo. No se escribió nada.</translation>
    </message>
    <message>
        <source>{name} could not be written: {reason}. Nothing was written.</source>
        <translation>No se pudo escribir {name}: {reason}. No se escribió nada.</translation>
    </message>
    <message>
        <source>A data key is 32 bytes.</source>
        <extracomment>Argon2id parameters for the key-encryption keys. The key file is the one thing an attacker with a stolen laptop can guess passwords against offline, so these are stronger than the sign-in hashes inside the store: 128 MiB, 3 passes, 4 lanes (about 0.2 s on a current laptop core, under a second on an old one; measured figures are in the report). Stored per slot, so they can be raised later without breaking old files. Smallest parameters a key file may ask for (a tampered file must not make guessing cheap). The recovery key: 160 random bits as 32 base32 letters and digits, in groups of four.</extracomment>
        <translation>Una clave de datos tiene 32 bytes.</translation>
    </message>
    <message>
        <source>{name} already exists.</source>
        <translation>{name} ya existe.</translation>
    </message>
    <message>
        <source>The key file asks for key-derivation settings plprofile does not accept.</source>
        <translation>El archivo de claves pide unos ajustes de derivación de claves que plprofile no acepta.</translation>
    </message>
    <message>
        <source>The key file is damaged.</source>
        <translation>El archivo de claves está dañado.</translation>
    </message>
    <message>
        <source>The key file uses a format this version of plprofile does not know.</source>
        <translation>El archivo de claves usa un formato que esta versión de plprofile no conoce.</translation>
    </message>
    <message>
        <source>That data key does not belong to this key file.</source>
        <translation>Esa clave de datos no pertenece a este archivo de claves.</translation>
    </message>
    <message>
        <source>Type the password or the recovery key.</source>
        <translation>Escribe la contraseña o la clave de recuperación.</translation>
    </message>
    <message>
        <source>The password or recovery key is right, but the store does not open with its key: the file is damaged.</source>
        <translation>La contraseña o la clave de recuperación es correcta, pero la base de datos no se abre con su clave: el archivo está dañado.</translation>
    </message>
    <message>
        <source>That recovery key does not open this store.</source>
        <translation>Esa clave de recuperación no abre esta base de datos.</translation>
    </message>
    <message>
        <source>That password does not open this store.</source>
        <translation>Esa contraseña no abre esta base de datos.</translation>
    </message>
    <message>
        <source>The key file is not a plprofile key file.</source>
        <translation>El archivo de claves no es un archivo de claves de plprofile.</translation>
    </message>
    <message>
        <source>The key file was written by a newer version of plprofile.</source>
        <translation>El archivo de claves lo escribió una versión más nueva de plprofile.</translation>
    </message>
    <message>
        <source>The key file {name} is missing, so {store} cannot be unlocked.</source>
        <translation>Falta el archivo de claves {name}, así que no se puede desbloquear {store}.</translation>
    </message>
    <message>
        <source>The key file {name} cannot be read: {reason}.</source>
        <translation>No se puede leer el archivo de claves {name}: {reason}.</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text</source>
        <extracomment>The framework file format this code reads. The file name of the framework shipped with the app. Fallback language for every localized text. A scale with more steps than this is surely a typo (a step of 0.0001, say).</extracomment>
        <translation>el archivo no es texto UTF-8</translation>
    </message>
    <message>
        <source>cannot read the file ({reason})</source>
        <translation>no se puede leer el archivo ({reason})</translation>
    </message>
    <message>
        <source>not valid JSON at line {line}, column {column}: {reason}</source>
        <translation>no es JSON válido en la línea {line}, columna {column}: {reason}</translation>
    </message>
    <message>
        <source>the JSON is nested too deeply</source>
        <translation>el JSON tiene demasiados niveles anidados</translation>
    </message>
    <message>
        <source>the key &quot;{key}&quot; appears twice in the same object</source>
        <translation>la clave &quot;{key}&quot; aparece dos veces en el mismo objeto</translation>
    </message>
    <message>
        <source>missing &quot;format&quot; (this app reads format {known})</source>
        <translation>falta &quot;format&quot; (esta aplicación lee el formato {known})</translation>
    </message>
    <message>
        <source>must be a whole number, not {shown}</source>
        <translation>debe ser un número entero, no {shown}</translation>
    </message>
    <message>
        <source>format {format} is newer than this app can read (format {known}); update plprofile</source>
        <translation>el formato {format} es más nuevo de lo que esta aplicación lee (formato {known}); actualiza plprofile</translation>
    </message>
    <message>
        <source>format {format} is not a known format</source>
        <translation>el formato {format} no es un formato conocido</translation>
    </message>
    <message>
        <source>must be an object {{...}}, not {shown}</source>
        <translation>debe ser un objeto {{...}}, no {shown}</translation>
    </message>
    <message>
        <source>missing stages: a framework needs at least one stage</source>
        <translation>faltan las etapas (stages): un marco necesita al menos una etapa</translation>
    </message>
    <message>
        <source>missing stages: a framework needs at least one stage: the list is empty</source>
        <translation>faltan las etapas (stages): un marco necesita al menos una etapa: la lista está vacía</translation>
    </message>
    <message>
        <source>missing groups: a framework needs at least one group</source>
        <translation>faltan los grupos (groups): un marco necesita al menos un grupo</translation>
    </message>
    <message>
        <source>missing groups: a framework needs at least one group: the list is empty</source>
        <translation>faltan los grupos (groups): un marco necesita al menos un grupo: la lista está vacía</translation>
    </message>
    <message>
        <source>missing elements: a framework needs at least one element</source>
        <translation>faltan los elementos (elements): un marco necesita al menos un elemento</translation>
    </message>
    <message>
        <source>missing elements: a framework needs at least one element: the list is empty</source>
        <translation>faltan los elementos (elements): un marco necesita al menos un elemento: la lista está vacía</translation>
    </message>
    <message>
        <source>must be a list [...], not {shown}</source>
        <translation>debe ser una lista [...], no {shown}</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>falta</translation>
    </message>
    <message>
        <source>must be text, not {shown}</source>
        <translation>debe ser texto, no {shown}</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>está vacío</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; has spaces at the start or end</source>
        <translation>&quot;{value}&quot; tiene espacios al principio o al final</translation>
    </message>
    <message>
        <source>missing (write it as {{&quot;en&quot;: &quot;...&quot;, &quot;es&quot;: &quot;...&quot;}})</source>
        <translation>falta (escríbelo como {{&quot;en&quot;: &quot;...&quot;, &quot;es&quot;: &quot;...&quot;}})</translation>
    </message>
    <message>
        <source>must be an object like {{&quot;en&quot;: &quot;...&quot;, &quot;es&quot;: &quot;...&quot;}}, not {shown}</source>
        <translation>debe ser un objeto como {{&quot;en&quot;: &quot;...&quot;, &quot;es&quot;: &quot;...&quot;}}, no {shown}</translation>
    </message>
    <message>
        <source>language codes must be text like &quot;en&quot;, not {shown}</source>
        <translation>los códigos de idioma deben ser texto como &quot;en&quot;, no {shown}</translation>
    </message>
    <message>
        <source>is empty: write the text in at least one language</source>
        <translation>está vacío: escribe el texto en al menos un idioma</translation>
    </message>
    <message>
        <source>must be a number, not {shown}</source>
        <translation>debe ser un número, no {shown}</translation>
    </message>
    <message>
        <source>must be a finite number, not {value}</source>
        <translation>debe ser un número finito, no {value}</translation>
    </message>
    <message>
        <source>missing (e.g. {{&quot;min&quot;: 1, &quot;max&quot;: 3, &quot;step&quot;: 0.5}})</source>
        <translation>falta (p. ej. {{&quot;min&quot;: 1, &quot;max&quot;: 3, &quot;step&quot;: 0.5}})</translation>
    </message>
    <message>
        <source>min ({low}) must be smaller than max ({high})</source>
        <translation>min ({low}) debe ser menor que max ({high})</translation>
    </message>
    <message>
        <source>step must be greater than 0, not {step}</source>
        <translation>step debe ser mayor que 0, no {step}</translation>
    </message>
    <message>
        <source>step {step} gives too many values from {low} to {high}; at most {most}</source>
        <translation>step {step} da demasiados valores de {low} a {high}; como máximo {most}</translation>
    </message>
    <message>
        <source>step {step} does not divide the range {low} to {high} evenly</source>
        <translation>step {step} no divide en partes iguales el rango de {low} a {high}</translation>
    </message>
    <message>
        <source>&quot;{raw}&quot; is not a stage value (use numbers like &quot;1&quot; or &quot;1.5&quot;)</source>
        <translation>&quot;{raw}&quot; no es un valor de etapa (usa números como &quot;1&quot; o &quot;1.5&quot;)</translation>
    </message>
    <message>
        <source>&quot;{raw}&quot; is not a stage value</source>
        <translation>&quot;{raw}&quot; no es un valor de etapa</translation>
    </message>
    <message>
        <source>stage value {value} is outside the scale (allowed: {allowed})</source>
        <translation>el valor de etapa {value} está fuera de la escala (permitidos: {allowed})</translation>
    </message>
    <message>
        <source>stage value {value} appears twice</source>
        <translation>el valor de etapa {value} aparece dos veces</translation>
    </message>
    <message>
        <source>duplicate group id &quot;{id}&quot;</source>
        <translation>identificador de grupo repetido &quot;{id}&quot;</translation>
    </message>
    <message>
        <source>duplicate element id &quot;{id}&quot;</source>
        <translation>identificador de elemento repetido &quot;{id}&quot;</translation>
    </message>
    <message>
        <source>unknown group &quot;{group}&quot; (groups: {groups})</source>
        <translation>grupo desconocido &quot;{group}&quot; (grupos: {groups})</translation>
    </message>
    <message>
        <source>missing descriptors</source>
        <translation>faltan los descriptores</translation>
    </message>
    <message>
        <source>a second descriptor for stage value {value}</source>
        <translation>un segundo descriptor para el valor de etapa {value}</translation>
    </message>
    <message>
        <source>missing descriptors for stage {stages}</source>
        <translation>faltan los descriptores de la etapa {stages}</translation>
    </message>
    <message>
        <source>duplicate id &quot;{id}&quot;</source>
        <translation>identificador repetido &quot;{id}&quot;</translation>
    </message>
    <message>
        <source>must be a list of words</source>
        <translation>debe ser una lista de palabras</translation>
    </message>
    <message>
        <source>must be a list of option ids</source>
        <translation>debe ser una lista de identificadores de opciones</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>verdadero/falso</translation>
    </message>
    <message>
        <source>null</source>
        <translation>nulo</translation>
    </message>
    <message>
        <source>the number {value}</source>
        <translation>el número {value}</translation>
    </message>
    <message>
        <source>Only a teacher can take this device off the school. Ask your teacher to type their name and password.</source>
        <translation>Solo un profe puede quitar este aparato de la escuela. Pide a tu profe que escriba su nombre y su contraseña.</translation>
    </message>
    <message>
        <source>That is not a teacher&apos;s name and password. Nothing was changed.</source>
        <translation>Ese no es el nombre y la contraseña de un profe. No se cambió nada.</translation>
    </message>
    <message>
        <source>Too many wrong tries: that teacher&apos;s account is locked for a while. Nothing was changed.</source>
        <translation>Demasiados intentos equivocados: la cuenta de ese profe está bloqueada un rato. No se cambió nada.</translation>
    </message>
    <message>
        <source>Too many wrong tries: wait a little, then try again. Nothing was changed.</source>
        <translation>Demasiados intentos equivocados: espera un poco y vuelve a intentarlo. No se cambió nada.</translation>
    </message>
    <message>
        <source>The school&apos;s computer cannot be reached to check the teacher&apos;s password, so this device stays as it is. Try again when the network is back. Nothing was changed.</source>
        <translation>No se puede llegar al ordenador de la escuela para comprobar la contraseña del profe, así que este aparato se queda como está. Vuelve a intentarlo cuando haya red. No se cambió nada.</translation>
    </message>
    <message>
        <source>The school&apos;s computer could not check the teacher&apos;s password, so this device stays as it is. Nothing was changed.</source>
        <translation>El ordenador de la escuela no pudo comprobar la contraseña del profe, así que este aparato se queda como está. No se cambió nada.</translation>
    </message>
</context>
<context>
    <name>snapshot</name>
    <message>
        <source>Access: how they take in information best</source>
        <extracomment>Bars per panel on the page (the table has them all).</extracomment>
        <translation>Acceso: cómo reciben mejor la información</translation>
    </message>
    <message>
        <source>Engage: what keeps them going</source>
        <translation>Implicación: qué los mantiene con ganas</translation>
    </message>
    <message>
        <source>Express: how they show what they know</source>
        <translation>Expresión: cómo muestran lo que saben</translation>
    </message>
    <message>
        <source>What gets in the way</source>
        <translation>Lo que estorba</translation>
    </message>
    <message>
        <source>Interests many share</source>
        <translation>Intereses que comparten muchos</translation>
    </message>
    <message>
        <source>Aspirations many share</source>
        <translation>Aspiraciones que comparten muchos</translation>
    </message>
    <message>
        <source>Backpack tools and strategies in use</source>
        <translation>Herramientas y estrategias de la mochila en uso</translation>
    </message>
    <message>
        <source>Voice and choice asked for, not yet given</source>
        <translation>Voz y elección que piden y aún no tienen</translation>
    </message>
    <message>
        <source>Strategies: how many tried, how many said it helped</source>
        <translation>Estrategias: cuántos las probaron, a cuántos les ayudaron</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>Estudiantes</translation>
    </message>
    <message>
        <source>Of</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Grouped by</source>
        <translation>Agrupado por</translation>
    </message>
    <message>
        <source>the same words</source>
        <translation>las mismas palabras</translation>
    </message>
    <message>
        <source>{n} said it helped</source>
        <translation>a {n} les ayudó</translation>
    </message>
    <message>
        <source>Nothing written yet</source>
        <translation>Aún no hay nada escrito</translation>
    </message>
    <message>
        <source>tried it</source>
        <translation>la probaron</translation>
    </message>
    <message>
        <source>said it helped</source>
        <translation>les ayudó</translation>
    </message>
</context>
<context>
    <name>stages</name>
    <message>
        <source>From “{a}” toward “{b}”</source>
        <translation>De «{a}» hacia «{b}»</translation>
    </message>
    <message>
        <source>moving on</source>
        <translation>avanzando</translation>
    </message>
</context>
<context>
    <name>summary</name>
    <message>
        <source>not yet written</source>
        <translation>todavía sin escribir</translation>
    </message>
    <message>
        <source>My learning profile and plan</source>
        <translation>Mi perfil de aprendizaje y mi plan</translation>
    </message>
    <message>
        <source>Conference on {date}</source>
        <translation>Reunión del {date}</translation>
    </message>
    <message>
        <source>My strengths</source>
        <translation>Mis fortalezas</translation>
    </message>
    <message>
        <source>My challenges</source>
        <translation>Mis desafíos</translation>
    </message>
    <message>
        <source>My interests</source>
        <translation>Mis intereses</translation>
    </message>
    <message>
        <source>My talents and passions</source>
        <translation>Mis talentos y pasiones</translation>
    </message>
    <message>
        <source>My aspirations</source>
        <translation>Mis aspiraciones</translation>
    </message>
    <message>
        <source>What helps me learn</source>
        <translation>Lo que me ayuda a aprender</translation>
    </message>
    <message>
        <source>Our next steps</source>
        <translation>Nuestros próximos pasos</translation>
    </message>
    <message>
        <source>My goals</source>
        <translation>Mis metas</translation>
    </message>
    <message>
        <source>kept for me and my teacher</source>
        <translation>lo guardo para mi docente y para mí</translation>
    </message>
    <message>
        <source>Overall stage: none yet (a partial check: not every element has a value).</source>
        <translation>Etapa general: todavía ninguna (una revisión parcial: no todos los elementos tienen un valor).</translation>
    </message>
    <message>
        <source>Overall stage: {value} (from 1 to {top}).</source>
        <translation>Etapa general: {value} (de 1 a {top}).</translation>
    </message>
    <message>
        <source>I am proud of:</source>
        <translation>Lo que me enorgullece:</translation>
    </message>
    <message>
        <source>The evidence I chose:</source>
        <translation>La evidencia que elegí:</translation>
    </message>
    <message>
        <source>A goal I am working on:</source>
        <translation>Una meta en la que trabajo:</translation>
    </message>
    <message>
        <source>What I need:</source>
        <translation>Lo que necesito:</translation>
    </message>
    <message>
        <source>I will:</source>
        <translation>Yo voy a:</translation>
    </message>
    <message>
        <source>My family will:</source>
        <translation>Mi familia va a:</translation>
    </message>
    <message>
        <source>My teacher will:</source>
        <translation>Mi docente va a:</translation>
    </message>
    <message>
        <source>I said:</source>
        <translation>Yo dije:</translation>
    </message>
    <message>
        <source>My family said:</source>
        <translation>Mi familia dijo:</translation>
    </message>
    <message>
        <source>My teacher said:</source>
        <translation>Mi docente dijo:</translation>
    </message>
    <message>
        <source>picture</source>
        <extracomment>How tall a shared picture&apos;s thumbnail stands on the family summary, in points (at the largest text size).</extracomment>
        <translation>imagen</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>recording</source>
        <translation>grabación</translation>
    </message>
    <message>
        <source>link</source>
        <translation>enlace</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <source>my best work</source>
        <translation>mi mejor trabajo</translation>
    </message>
    <message>
        <source>Conference I led on {date}</source>
        <translation>Reunión que dirigí el {date}</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Para:</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Steps done</source>
        <translation>Pasos hechos</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Próximo paso</translation>
    </message>
    <message>
        <source>Last check-in</source>
        <translation>Último seguimiento</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more goal(s) in the profile.</source>
        <translation>
            <numerusform>… y %n meta más en el perfil.</numerusform>
            <numerusform>… y %n metas más en el perfil.</numerusform>
        </translation>
    </message>
    <message>
        <source>No goals yet.</source>
        <translation>Todavía no hay metas.</translation>
    </message>
    <message>
        <source>My work</source>
        <translation>Mi trabajo</translation>
    </message>
    <message>
        <source>What I shared at my conference</source>
        <translation>Lo que compartí en mi reunión</translation>
    </message>
    <message>
        <source>What we said at the conference</source>
        <translation>Lo que dijimos en la reunión</translation>
    </message>
    <message>
        <source>Nothing written down.</source>
        <translation>No hay nada escrito.</translation>
    </message>
    <message>
        <source>to be arranged</source>
        <translation>por acordar</translation>
    </message>
    <message>
        <source>Next check-in</source>
        <translation>Próximo seguimiento</translation>
    </message>
    <message>
        <source>Stages of Personalized Learning: where we are now</source>
        <translation>Etapas del Aprendizaje Personalizado: dónde estamos ahora</translation>
    </message>
    <message>
        <source>No Stages ratings yet.</source>
        <translation>Todavía no hay valoraciones de las Etapas.</translation>
    </message>
    <message>
        <source>Some texts are shortened here; the full text is in the profile.</source>
        <translation>Algunos textos están acortados aquí; el texto completo está en el perfil.</translation>
    </message>
    <message>
        <source>{name} chose which of their own words their family sees: only those are here. Their teacher sees all of them.</source>
        <translation>{name} eligió cuáles de sus propias palabras ve su familia: aquí están solo esas. Su docente las ve todas.</translation>
    </message>
    <message>
        <source>Written together by the learner and their teacher with plprofile.</source>
        <translation>Escrito en conjunto por el aprendiz y su docente con plprofile.</translation>
    </message>
    <message>
        <source>Learning profile summary: {name}</source>
        <translation>Resumen del perfil de aprendizaje: {name}</translation>
    </message>
</context>
</TS>
