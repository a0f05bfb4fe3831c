# Build the bundle handed to offices: dist\nianbao\ and dist\nianbao-<version>-windows-<arch>.zip.
# Same steps as build.sh (Linux). Needs Python 3.11 (64-bit, python.org) and Windows 10 or 11.
# Usage, in PowerShell at the repository:  powershell -ExecutionPolicy Bypass -File build_scripts\build.ps1
# ($env:PYTHON = "C:\Python311\python.exe" picks the interpreter when .venv does not exist yet.)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

function Invoke-Step {
    param([string]$Exe, [string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

if (-not (Test-Path ".venv\Scripts\python.exe")) {
    if ($env:PYTHON) { Invoke-Step $env:PYTHON @("-m", "venv", ".venv") }
    else { Invoke-Step "py" @("-3.11", "-m", "venv", ".venv") }
}
$python = ".venv\Scripts\python.exe"
Invoke-Step $python @("-m", "pip", "install", "-q", "--disable-pip-version-check", "-c", "constraints.txt", "-e", ".[build]")

$clock = [Diagnostics.Stopwatch]::StartNew()
Invoke-Step $python @("-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
    "--distpath", "dist", "--workpath", "build\pyinstaller", "build_scripts\nianbao.spec")
Write-Host ("PyInstaller: {0:N0} s" -f $clock.Elapsed.TotalSeconds)

$clock.Restart()
Invoke-Step $python @("build_scripts\archive.py", "dist\nianbao")
Write-Host ("archive: {0:N0} s" -f $clock.Elapsed.TotalSeconds)
