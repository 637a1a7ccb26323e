# Build the Windows installer: the PyInstaller folder, a smoke run, then Inno Setup.
#
# On Windows 10/11 (x64) with Python 3.11+ (python.org or "py" launcher) and Inno Setup 6
# (https://jrsoftware.org/isinfo.php), from the project folder:
#     powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Result: dist\webex-provisioner-<version>-windows-x64-setup.exe
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

function Invoke-Checked {
    # Native programs do not throw: stop on a non-zero exit code.
    & $args[0] @($args | Select-Object -Skip 1)
    if ($LASTEXITCODE -ne 0) { throw "$($args[0]) failed with exit code $LASTEXITCODE" }
}

if (-not (Test-Path .venv\Scripts\python.exe)) { Invoke-Checked py -3.11 -m venv .venv }
$python = ".venv\Scripts\python.exe"
Invoke-Checked $python -m pip install --quiet -e . "pyinstaller>=6.22,<6.23"
$version = (& $python -c "import app; print(app.__version__)").Trim()

# The .ico (PNG entries drawn from the SVG) is committed; refresh it from the SVG.
Invoke-Checked $python packaging\make_icons.py --ico packaging\windows\webex-provisioner.ico
Invoke-Checked $python -m PyInstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller `
    packaging\webex-provisioner.spec

$exe = "dist\webex-provisioner\webex-provisioner.exe"
Invoke-Checked $exe --version
Invoke-Checked $exe --self-test

$iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"
if (-not (Test-Path $iscc)) { throw "Inno Setup 6 is not installed: get it from https://jrsoftware.org/isinfo.php" }
Invoke-Checked $iscc "/DAppVersion=$version" packaging\windows\webex-provisioner.iss
Write-Host "dist\webex-provisioner-$version-windows-x64-setup.exe"
