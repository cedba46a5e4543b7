# Build the Windows one-folder app: dist\roster\roster.exe
# Run from the repository root in PowerShell:  powershell -ExecutionPolicy Bypass -File packaging\build_windows.ps1
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

uv sync --group dev
if ($LASTEXITCODE -ne 0) { throw "uv sync failed" }

# icon and compiled translations are committed; regenerate so the build matches the sources
uv run python packaging/make_icon.py
if ($LASTEXITCODE -ne 0) { throw "icon generation failed" }
uv run python i18n/update_translations.py --release
if ($LASTEXITCODE -ne 0) { throw "lrelease failed" }

uv run pyinstaller packaging/roster.spec --noconfirm --distpath dist --workpath build
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

Write-Host "Built dist\roster\roster.exe  (copy the whole dist\roster folder; user data goes to %LOCALAPPDATA%, not next to the exe)"
