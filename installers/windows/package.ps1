# Builds the Windows installer of QFC Desktop Miner (x64):
#   target\installer\dist\QFC Desktop Miner-<version>.msi
#
#   powershell -ExecutionPolicy Bypass -File installers\windows\package.ps1 [-SkipBuild]
#
# Needs a full JDK 17+ (jlink, jpackage) and the WiX Toolset 3.x (candle.exe, light.exe) on PATH for the .msi.
# Autostart: the .msi does not register one; the app's own setting "Start at login" (app/autostart) writes the
# per-user Run value for the packaged launcher (it finds it through the jpackage.app-path system property), so the
# user decides; uninstalling removes that value (resources\main.wxs), so nothing points at a launcher that is gone.
# Launchers: "QFC Desktop Miner.exe" (the window, no console) and qfc-desktop-miner.exe (console: the commands).
param([switch]$SkipBuild)
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..\..')
$Root = (Get-Location).Path

if (-not $env:JAVA_HOME) { throw 'JAVA_HOME is not set: point it at a JDK 17+' }
$Java = Join-Path $env:JAVA_HOME 'bin\java.exe'
$Jlink = Join-Path $env:JAVA_HOME 'bin\jlink.exe'
$Jpackage = Join-Path $env:JAVA_HOME 'bin\jpackage.exe'
$Version = ([xml](Get-Content pom.xml)).project.version -replace '-.*$', ''
$Target = 'win-x64'
$Stage = Join-Path $Root "target\installer\$Target"
$Dist = Join-Path $Root 'target\installer\dist'

function Invoke-Checked([string]$exe, [string[]]$arguments) {
    & $exe @arguments
    if ($LASTEXITCODE -ne 0) { throw "$exe failed with exit code $LASTEXITCODE" }
}

if (-not $SkipBuild -or -not (Test-Path 'app\target\qfc-desktop-miner.jar')) {
    Invoke-Checked 'mvn' @('-B', '-ntp', '-q', '-DskipTests', 'package', '-pl', 'app', '-am')
}
Invoke-Checked $Java @('installers\common\Stage.java', $Target, 'app\target', $Stage)

$Runtime = Join-Path $Stage 'runtime'
if (Test-Path $Runtime) { Remove-Item -Recurse -Force $Runtime }
$Modules = (Get-Content (Join-Path $Stage 'modules.txt') -Raw).Trim()
Invoke-Checked $Jlink @('--module-path', "$env:JAVA_HOME\jmods;$Stage\jmods", '--add-modules', $Modules,
    '--strip-debug', '--no-header-files', '--no-man-pages', '--compress=2', '--output', $Runtime)

New-Item -ItemType Directory -Force $Dist | Out-Null
$Image = Join-Path $Dist 'QFC Desktop Miner'
if (Test-Path $Image) { Remove-Item -Recurse -Force $Image }
Get-ChildItem $Dist -Filter *.msi | Remove-Item -Force
Invoke-Checked $Jpackage @('--type', 'app-image', '@installers\common\jpackage.args', '@installers\windows\jpackage.args',
    '--app-version', $Version, '--input', "$Stage\input", '--runtime-image', $Runtime, '--dest', $Dist)
# resources\main.wxs: jpackage's WiX source plus the uninstall step that removes the start-at-login Run value
Invoke-Checked $Jpackage @('--type', 'msi', '--app-image', $Image, '@installers\windows\jpackage.args',
    '@installers\windows\package.args', '--resource-dir', 'installers\windows\resources', '--license-file', 'LICENSE',
    '--app-version', $Version, '--dest', $Dist)
Get-ChildItem $Dist -Filter *.msi | ForEach-Object { "package: $($_.FullName) ($([math]::Round($_.Length / 1MB)) MB)" }
