import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The staging step every installer script shares (run as a Java source file, so it works the same on Linux, macOS
 * and Windows with nothing but the JDK):
 *
 * <pre>
 *   java installers/common/Stage.java &lt;target&gt; &lt;app/target&gt; &lt;staging dir&gt;
 *     target: linux-x64 | linux-aarch64 | mac-x64 | mac-aarch64 | win-x64
 * </pre>
 *
 * It writes {@code staging/input/} (the application jar + every non-JavaFX jar, with the native libraries of other
 * platforms and their debug symbols removed from the ONNX Runtime, DJL tokenizers, sqlite-jdbc and JNA jars;
 * ONNX Runtime's two libraries for the target moved out of its jar into {@code input/native/}, where the launcher's
 * {@code -Donnxruntime.native.path=$APPDIR/native} finds them), {@code staging/jmods/} (a jmod per JavaFX jar found,
 * made with {@code jmod create} so JavaFX's natives land in the runtime image's lib folder), and
 * {@code staging/modules.txt} (the modules for jlink: jdeps on the application jar, the baseline in
 * {@code installers/common/modules.txt} and the JavaFX modules).
 */
public final class Stage {

    /** One native-carrying jar layout: a path pattern whose group 1 is the platform folder, and the folders to keep. */
    private record NativeLayout(Pattern pattern, Map<String, String> keepByTarget) {
        boolean drop(String entry, String target) {
            Matcher m = pattern.matcher(entry);
            return m.lookingAt() && !m.group(1).equals(keepByTarget.get(target));
        }
    }

    private static final List<NativeLayout> LAYOUTS = List.of(
            // ONNX Runtime: ai/onnxruntime/native/<platform>/
            new NativeLayout(Pattern.compile("ai/onnxruntime/native/([^/]+)/"), Map.of(
                    "linux-x64", "linux-x64", "linux-aarch64", "linux-aarch64", "mac-x64", "osx-x64",
                    "mac-aarch64", "osx-aarch64", "win-x64", "win-x64")),
            // DJL tokenizers: native/lib/<platform>/ (0.34.0 has no osx-x86_64 build)
            new NativeLayout(Pattern.compile("native/lib/([^/]+)/"), Map.of(
                    "linux-x64", "linux-x86_64", "linux-aarch64", "linux-aarch64", "mac-x64", "osx-x86_64",
                    "mac-aarch64", "osx-aarch64", "win-x64", "win-x86_64")),
            // sqlite-jdbc: org/sqlite/native/<OS>/<arch>/
            new NativeLayout(Pattern.compile("org/sqlite/native/([^/]+/[^/]+)/"), Map.of(
                    "linux-x64", "Linux/x86_64", "linux-aarch64", "Linux/aarch64", "mac-x64", "Mac/x86_64",
                    "mac-aarch64", "Mac/aarch64", "win-x64", "Windows/x86_64")),
            // JNA: com/sun/jna/<platform>/libjnidispatch.*
            new NativeLayout(Pattern.compile("com/sun/jna/([a-z0-9]+-[a-z0-9-]+)/[^/]*jnidispatch"), Map.of(
                    "linux-x64", "linux-x86-64", "linux-aarch64", "linux-aarch64", "mac-x64", "darwin-x86-64",
                    "mac-aarch64", "darwin-aarch64", "win-x64", "win32-x86-64")));

    /** Debug symbols shipped inside the ONNX Runtime jar (hundreds of MB): never wanted in a package. */
    private static final Pattern DEBUG_SYMBOLS = Pattern.compile(".*(\\.dSYM/.*|\\.dSYM/|\\.pdb)$");

    private static final Pattern JAVAFX_JAR = Pattern.compile("javafx-([a-z]+)-([0-9.]+)-([a-z0-9-]+)\\.jar");

    private Stage() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !LAYOUTS.get(0).keepByTarget().containsKey(args[0])) {
            System.err.println("usage: java Stage.java <linux-x64|linux-aarch64|mac-x64|mac-aarch64|win-x64> <app/target> <staging dir>");
            System.exit(2);
        }
        String target = args[0];
        Path appTarget = Path.of(args[1]);
        Path staging = Path.of(args[2]);
        Path appJar = appTarget.resolve("qfc-desktop-miner.jar");
        Path lib = appTarget.resolve("lib");
        if (!Files.isRegularFile(appJar) || !Files.isDirectory(lib)) {
            fail(appJar + " or " + lib + " is missing: build first (mvn -B -ntp -DskipTests package -pl app -am)");
        }
        deleteTree(staging);
        Path input = Files.createDirectories(staging.resolve("input"));
        Path inputLib = Files.createDirectories(input.resolve("lib"));
        Path jmods = Files.createDirectories(staging.resolve("jmods"));
        Files.copy(appJar, input.resolve(appJar.getFileName()));

        List<String> javafxModules = new ArrayList<>();
        long before = 0;
        long after = 0;
        try (Stream<Path> jars = Files.list(lib)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                String name = jar.getFileName().toString();
                if (name.startsWith("javafx-")) {
                    Matcher m = JAVAFX_JAR.matcher(name);
                    if (m.matches()) { // the classifier jar holds the module; the plain one is an empty placeholder
                        javafxModules.add(javafxJmod(jar, "javafx." + m.group(1), m.group(2), staging, jmods));
                    }
                    continue;
                }
                before += Files.size(jar);
                Path copy = inputLib.resolve(name);
                stripNatives(jar, copy, target, name.startsWith("onnxruntime-") ? input.resolve("native") : null);
                after += Files.size(copy);
            }
        }
        System.out.printf("stage: %s jars %d MB -> %d MB (other platforms' natives removed); JavaFX jmods: %s%n",
                target, before >> 20, after >> 20, javafxModules.isEmpty() ? "none" : String.join(",", javafxModules));

        TreeSet<String> modules = new TreeSet<>(jdepsModules(appJar, inputLib));
        modules.addAll(baseline());
        modules.addAll(javafxModules);
        Files.writeString(staging.resolve("modules.txt"), String.join(",", modules) + "\n");
        System.out.println("stage: modules " + String.join(",", modules));
    }

    /** Copies {@code from} to {@code to} without other targets' natives and debug symbols; ONNX Runtime's go to nativeOut. */
    static void stripNatives(Path from, Path to, String target, Path nativeOut) throws IOException {
        int dropped = 0;
        try (ZipFile zip = new ZipFile(from.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                if (DEBUG_SYMBOLS.matcher(name).matches() || LAYOUTS.stream().anyMatch(l -> l.drop(name, target))) {
                    dropped++;
                    continue;
                }
                if (nativeOut != null && !e.isDirectory() && name.startsWith("ai/onnxruntime/native/")) {
                    Files.createDirectories(nativeOut);
                    try (InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, nativeOut.resolve(name.substring(name.lastIndexOf('/') + 1)),
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                    dropped++;
                    continue;
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(e.getTime());
                if (e.getMethod() == ZipEntry.STORED) {
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(e.getSize());
                    copy.setCompressedSize(e.getSize());
                    copy.setCrc(e.getCrc());
                }
                out.putNextEntry(copy);
                try (InputStream in = zip.getInputStream(e)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        if (dropped > 0) {
            System.out.printf("stage: %s: %d entries removed, %d MB -> %d MB%n", from.getFileName(), dropped,
                    Files.size(from) >> 20, Files.size(to) >> 20);
        }
    }

    /** Makes {@code jmods/<module>.jmod} from a JavaFX jar: classes and resources, natives as the jmod's libs. */
    static String javafxJmod(Path jar, String module, String version, Path staging, Path jmods) throws IOException {
        Path work = staging.resolve("javafx").resolve(module);
        Path classes = Files.createDirectories(work.resolve("classes"));
        Path libs = Files.createDirectories(work.resolve("libs"));
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                if (e.isDirectory() || name.startsWith("META-INF/")) {
                    continue;
                }
                boolean nativeLib = !name.contains("/") && name.matches(".*\\.(so|dylib|dll)$");
                Path dest = (nativeLib ? libs : classes).resolve(name);
                Files.createDirectories(dest.getParent());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, dest);
                }
            }
        }
        if (!Files.exists(classes.resolve("module-info.class"))) {
            fail(jar + " has no module-info.class: not a JavaFX platform jar");
        }
        Path jmod = jmods.resolve(module + ".jmod");
        List<String> args = new ArrayList<>(List.of("create", "--class-path", classes.toString(),
                "--module-version", version));
        try (Stream<Path> l = Files.list(libs)) {
            if (l.findAny().isPresent()) {
                args.addAll(List.of("--libs", libs.toString()));
            }
        }
        args.add(jmod.toString());
        run("jmod", args);
        return module;
    }

    /** The JDK modules the application jar uses, by jdeps (its class path: the staged jars). */
    static List<String> jdepsModules(Path appJar, Path lib) throws IOException {
        StringBuilder cp = new StringBuilder();
        try (Stream<Path> jars = Files.list(lib)) {
            jars.sorted().forEach(j -> cp.append(cp.isEmpty() ? "" : java.io.File.pathSeparator).append(j));
        }
        String out = run("jdeps", List.of("--print-module-deps", "--ignore-missing-deps", "--multi-release", "17",
                "--class-path", cp.toString(), appJar.toString()));
        String last = out.strip().lines().reduce((a, b) -> b).orElse("");
        return List.of(last.split(","));
    }

    /** Modules the libraries need by reflection or service lookup, which jdeps on the application jar cannot see. */
    static List<String> baseline() throws IOException {
        Path file = Path.of(System.getProperty("stage.baseline", "installers/common/modules.txt"));
        return Files.readAllLines(file).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.split("\\s")[0]).toList();
    }

    private static String run(String tool, List<String> args) {
        ToolProvider provider = ToolProvider.findFirst(tool)
                .orElseThrow(() -> new IllegalStateException(tool + " is not in this JDK (a full JDK 17+ is needed)"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = provider.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        if (rc != 0) {
            fail(tool + " " + String.join(" ", args) + " failed (" + rc + "): " + err + out);
        }
        return out.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void fail(String message) {
        System.err.println("stage: error: " + message);
        System.exit(1);
    }
}
