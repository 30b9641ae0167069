@echo off
rem QFC Desktop Miner launcher for Windows: builds on first use, then runs with the given arguments.
setlocal
set "ROOT=%~dp0"
set "APP_JAR=%ROOT%app\target\qfc-desktop-miner.jar"
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
if not exist "%APP_JAR%" (
  echo qfc-desktop-miner: building the application ^(first run, about a minute^)... 1>&2
  pushd "%ROOT%"
  call mvn -B -q -DskipTests -Dmaven.test.skip=true package -pl app -am > "%TEMP%\qfc-desktop-miner-build.log" 2>&1
  if errorlevel 1 (
    popd
    echo qfc-desktop-miner: the build failed; see %TEMP%\qfc-desktop-miner-build.log 1>&2
    exit /b 1
  )
  popd
)
set DJL_OFFLINE=true
set OPT_OUT_TRACKING=true
rem Memory: the same JVM options as the qfc-desktop-miner shell launcher (see there); QFC_JAVA_OPTS can override them.
set "JVM_MEMORY=-XX:+UseSerialGC -Xms32m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -XX:-ShrinkHeapInSteps"
"%JAVA%" %JVM_MEMORY% %QFC_JAVA_OPTS% -Dai.djl.offline=true -jar "%APP_JAR%" %*
exit /b %ERRORLEVEL%
