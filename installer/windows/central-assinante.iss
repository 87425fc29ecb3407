; Inno Setup 6.3+ script: the Windows installer of the Central do Assinante.
;
; Build (on Windows, after scripts/build-bundle.sh has made dist\central-assinante\):
;   iscc /DAppVersion=0.1.0 installer\windows\central-assinante.iss
; Output: dist\installer\central-assinante-<version>-setup.exe
;
; What it does:
;   * installs the one-folder bundle under Program Files\Central do Assinante;
;   * Start menu: counter mode (central-assinante.exe), kiosk mode (central-assinante.exe kiosk),
;     the self-check (central-assinante-cli.exe --self-check, in a console that stays open);
;   * optional task: start kiosk mode when anyone logs on (a station dedicated to the kiosk);
;   * a wizard page asks the store's PostgreSQL URL, this station's name and printer, and
;     writes them to C:\ProgramData\CentralAssinante\station.ini (UTF-8, no BOM, as Python's
;     configparser reads it); the machine-wide variable CENTRAL_CONFIG_DIR points every
;     Windows user of the station (counter clerks, the kiosk account) to that file.
; Unattended, for many stations:
;   setup.exe /VERYSILENT /DBURL=postgresql+psycopg://app:secret@db.loja:5432/central
;             /STATION="Balcão 1" /PRINTER="EPSON L3250" [/TASKS=autostartkiosk]
; A reinstall or upgrade keeps the existing station.ini values unless new ones are given.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Central do Assinante"
#define ExeName "central-assinante.exe"
#define CliName "central-assinante-cli.exe"
#define StationDir "{commonappdata}\CentralAssinante"

[Setup]
AppId={{38E37E30-6219-43F9-AD75-DA8F87796467}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Central do Assinante
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesEnvironment=yes
CloseApplications=yes
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
SourceDir={#SourcePath}..\..
OutputDir=dist\installer
OutputBaseFilename=central-assinante-{#AppVersion}-setup
UninstallDisplayIcon={app}\{#ExeName}
UninstallDisplayName={#AppName}
MinVersion=10.0

[Languages]
Name: "brazilianportuguese"; MessagesFile: "compiler:Languages\BrazilianPortuguese.isl"

[Tasks]
Name: "autostartkiosk"; Description: "Abrir o quiosque automaticamente ao entrar no Windows (estação dedicada ao quiosque)"; Flags: unchecked
Name: "desktopicon"; Description: "Atalho do balcão na área de trabalho"; Flags: unchecked

[Dirs]
; Every Windows user of the station may update station.ini (the printer chosen in the app).
Name: "{#StationDir}"; Permissions: users-modify; Flags: uninsneveruninstall

[Files]
Source: "dist\central-assinante\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; an upgrade replaces the bundle's libraries entirely (no stale modules from an older version)
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}\{#AppName} (balcão)"; Filename: "{app}\{#ExeName}"; WorkingDir: "{app}"
Name: "{autoprograms}\{#AppName}\{#AppName} (quiosque)"; Filename: "{app}\{#ExeName}"; Parameters: "kiosk"; WorkingDir: "{app}"
Name: "{autoprograms}\{#AppName}\Verificar a instalação"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#CliName}"" --self-check"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#ExeName}"; WorkingDir: "{app}"; Tasks: desktopicon
Name: "{commonstartup}\{#AppName} (quiosque)"; Filename: "{app}\{#ExeName}"; Parameters: "kiosk"; WorkingDir: "{app}"; Tasks: autostartkiosk

[Registry]
; desktop.config reads station.ini from CENTRAL_CONFIG_DIR: one file for every user of the station.
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; ValueType: string; ValueName: "CENTRAL_CONFIG_DIR"; ValueData: "{#StationDir}"; Flags: uninsdeletevalue

[Run]
; Setup's own environment predates CENTRAL_CONFIG_DIR, hence the explicit "set".
Filename: "{cmd}"; Parameters: "/k set ""CENTRAL_CONFIG_DIR={#StationDir}"" && ""{app}\{#CliName}"" --self-check"; WorkingDir: "{app}"; Description: "Verificar a instalação agora (banco de dados, impressoras, documentos)"; Flags: postinstall skipifsilent unchecked
Filename: "{app}\{#ExeName}"; WorkingDir: "{app}"; Description: "Abrir a {#AppName}"; Flags: postinstall nowait skipifsilent unchecked

[Code]
var
  StationPage: TInputQueryWizardPage;

function StationIni(): String;
begin
  Result := ExpandConstant('{#StationDir}\station.ini');
end;

{ The value of Key in [Section] of an INI file's lines, as configparser wrote it ('key = value');
  configparser's '%%' (an escaped '%') is turned back into '%'. }
function IniValue(const Lines: TArrayOfString; const Section, Key: String): String;
var
  I, Eq: Integer;
  Current, Line: String;
begin
  Result := '';
  Current := '';
  for I := 0 to GetArrayLength(Lines) - 1 do
  begin
    Line := Trim(Lines[I]);
    if (Length(Line) > 1) and (Line[1] = '[') and (Line[Length(Line)] = ']') then
      Current := Lowercase(Trim(Copy(Line, 2, Length(Line) - 2)))
    else if Current = Lowercase(Section) then
    begin
      Eq := Pos('=', Line);
      if (Eq > 0) and (Lowercase(Trim(Copy(Line, 1, Eq - 1))) = Lowercase(Key)) then
        Result := Trim(Copy(Line, Eq + 1, Length(Line)));
    end;
  end;
  StringChangeEx(Result, '%%', '%', True);
end;

{ configparser interpolates '%': write a literal '%' (percent-encoded passwords) as '%%'. }
function IniEscape(const Value: String): String;
begin
  Result := Trim(Value);
  StringChangeEx(Result, '%', '%%', True);
end;

{ SQLAlchemy needs the psycopg 3 driver named: postgres:// and postgresql:// become
  postgresql+psycopg:// (plain postgresql:// would ask for psycopg2, which is not shipped). }
function NormalizedUrl(const Url: String): String;
begin
  Result := Trim(Url);
  if Pos('postgres://', Lowercase(Result)) = 1 then
    Result := 'postgresql+psycopg://' + Copy(Result, Length('postgres://') + 1, Length(Result))
  else if Pos('postgresql://', Lowercase(Result)) = 1 then
    Result := 'postgresql+psycopg://' + Copy(Result, Length('postgresql://') + 1, Length(Result));
end;

{ The URL without its user and password, for the summary shown on screen. }
function HiddenCredentials(const Url: String): String;
var
  Scheme, At: Integer;
begin
  Result := Url;
  Scheme := Pos('://', Url);
  At := Pos('@', Url);
  if (Scheme > 0) and (At > Scheme) then
    Result := Copy(Url, 1, Scheme + 2) + '***@' + Copy(Url, At + 1, Length(Url));
end;

procedure InitializeWizard();
var
  Lines: TArrayOfString;
begin
  StationPage := CreateInputQueryPage(wpSelectTasks,
    'Banco de dados e estação',
    'Todas as estações da loja usam o mesmo banco PostgreSQL.',
    'Informe o endereço do banco no formato postgresql+psycopg://usuário:senha@servidor:5432/banco. ' +
    'Deixe em branco para um banco local só nesta máquina (demonstração). ' +
    'Estes dados ficam em ' + StationIni() + '.');
  StationPage.Add('&Endereço do banco de dados (PostgreSQL):', False);
  StationPage.Add('&Nome desta estação (ex.: Balcão 1, Quiosque Centro):', False);
  StationPage.Add('&Impressora desta estação (vazio: a impressora padrão do Windows):', False);

  if LoadStringsFromFile(StationIni(), Lines) then
  begin
    StationPage.Values[0] := IniValue(Lines, 'database', 'url');
    StationPage.Values[1] := IniValue(Lines, 'station', 'name');
    StationPage.Values[2] := IniValue(Lines, 'station', 'printer');
  end;
  { command-line values (/DBURL= /STATION= /PRINTER=) win: unattended installs }
  if ExpandConstant('{param:DBURL|}') <> '' then
    StationPage.Values[0] := ExpandConstant('{param:DBURL|}');
  if ExpandConstant('{param:STATION|}') <> '' then
    StationPage.Values[1] := ExpandConstant('{param:STATION|}');
  if ExpandConstant('{param:PRINTER|}') <> '' then
    StationPage.Values[2] := ExpandConstant('{param:PRINTER|}');
  if StationPage.Values[1] = '' then
    StationPage.Values[1] := GetComputerNameString();
end;

function NextButtonClick(CurPageID: Integer): Boolean;
var
  Url: String;
begin
  Result := True;
  if CurPageID = StationPage.ID then
  begin
    Url := NormalizedUrl(StationPage.Values[0]);
    if (Url <> '') and (Pos('postgresql+psycopg://', Lowercase(Url)) <> 1) and
       (Pos('sqlite:///', Lowercase(Url)) <> 1) then
    begin
      MsgBox('O endereço do banco deve começar com postgresql+psycopg:// ' +
        '(ou ficar em branco para um banco local).', mbError, MB_OK);
      Result := False;
    end
    else
      StationPage.Values[0] := Url;
  end;
end;

procedure WriteStationIni();
var
  Lines: TArrayOfString;
begin
  ForceDirectories(ExpandConstant('{#StationDir}'));
  SetArrayLength(Lines, 6);
  Lines[0] := '[database]';
  Lines[1] := 'url = ' + IniEscape(NormalizedUrl(StationPage.Values[0]));
  Lines[2] := '';
  Lines[3] := '[station]';
  Lines[4] := 'name = ' + IniEscape(StationPage.Values[1]);
  Lines[5] := 'printer = ' + IniEscape(StationPage.Values[2]);
  if not SaveStringsToUTF8FileWithoutBOM(StationIni(), Lines, False) then
    MsgBox('Não foi possível gravar ' + StationIni() + '. Crie o arquivo à mão ' +
      '(veja docs/deploying.md).', mbError, MB_OK);
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if CurStep = ssPostInstall then
    WriteStationIni();
end;

function UpdateReadyMemo(Space, NewLine, MemoUserInfoInfo, MemoDirInfo, MemoTypeInfo,
  MemoComponentsInfo, MemoGroupInfo, MemoTasksInfo: String): String;
var
  Url: String;
begin
  Url := HiddenCredentials(NormalizedUrl(StationPage.Values[0]));
  if Url = '' then
    Url := '(banco local SQLite desta máquina)';
  Result := MemoDirInfo + NewLine + NewLine +
    'Estação:' + NewLine + Space + 'Banco: ' + Url + NewLine +
    Space + 'Nome: ' + StationPage.Values[1] + NewLine +
    Space + 'Impressora: ' + StationPage.Values[2] + NewLine;
  if MemoTasksInfo <> '' then
    Result := Result + NewLine + MemoTasksInfo;
end;
