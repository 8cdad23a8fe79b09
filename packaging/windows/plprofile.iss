; Inno Setup 6.3+ script: a per-user (or, if asked, per-machine) installer for the PyInstaller folder.
;
;   1. build dist\plprofile\ with packaging\plprofile.spec (see packaging\README.md)
;   2. "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\windows\plprofile.iss
;
; Writes dist\plprofile-<version>-setup.exe. Paths below are relative to this file. The learners' data lives in
; the user's AppData folder (platformdirs), never under {app}, so uninstalling or upgrading never touches it.

#define AppName "plprofile"
#define AppVersion "0.1.0"
#define AppPublisher "The plprofile developers"
#define AppExe "plprofile.exe"
#define AppUserModelId "org.plprofile.PLProfile"

[Setup]
; Inno's own id: keep this GUID for every version, so an upgrade replaces the old install.
AppId={{5DA89FC4-E38B-5C5C-8D2C-E973832CD935}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppPublisherURL=https://github.com/plprofile/plprofile
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Teachers can install without an administrator; IT can still choose "for all users".
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\plprofile.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\plprofile\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; A new build may drop files an older one had: start each upgrade from a clean _internal folder.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppUserModelId}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppUserModelId}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
