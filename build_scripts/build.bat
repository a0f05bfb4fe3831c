@echo off
rem Build on Windows (double-click or run from cmd): the same steps as build.ps1 and build.sh.
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0build.ps1"
set rc=%ERRORLEVEL%
if not "%rc%"=="0" pause
exit /b %rc%
