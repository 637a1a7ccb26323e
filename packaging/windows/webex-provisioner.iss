; Inno Setup 6 script: the Windows installer for webex-provisioner (64-bit).
;
; Built on Windows by packaging\windows\build.ps1, which makes the PyInstaller folder
; dist\webex-provisioner\ and then runs, with the version read from the package metadata
; (app.__version__):
;     "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\webex-provisioner.iss
; Result: dist\webex-provisioner-<version>-windows-x64-setup.exe
;
; It installs for the current user by default (no administrator rights needed; the
; installer offers all users too), adds Start-menu shortcuts (the program, and the program
; on the sandbox tenant), an optional desktop shortcut, and an uninstaller (Settings >
; Apps, or the Start-menu entry). Profiles, state and logs live in the user's own folders
; and are kept on uninstall.

#ifndef AppVersion
  #error Give the version on the command line: ISCC /DAppVersion=X.Y.Z (build.ps1 reads it from the package metadata)
#endif

#define AppName "Webex Provisioner"
#define AppExe "webex-provisioner-gui.exe"
#define CommandExe "webex-provisioner.exe"
#define BundleDir "..\..\dist\webex-provisioner"

[Setup]
; The AppId identifies the program across versions (upgrades, uninstall): never change it.
AppId={{2A2F15EE-5C53-4E73-B15C-CB65712BB196}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=webex-provisioner
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=webex-provisioner-{#AppVersion}-windows-x64-setup
SetupIconFile=webex-provisioner.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"

[CustomMessages]
en.SandboxShortcut=%1 on the sandbox tenant
fr.SandboxShortcut=%1 sur le tenant de test (sandbox)

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:SandboxShortcut,{#AppName}}"; Filename: "{app}\{#AppExe}"; Parameters: "--sandbox"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
