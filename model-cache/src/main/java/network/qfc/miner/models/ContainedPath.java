package network.qfc.miner.models;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The rules that keep names from the registry or the network inside a model folder: plain file names only,
 * relative repository paths without {@code ..}, and a final check that a resolved path stays under its folder.
 */
final class ContainedPath {
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

    private ContainedPath() {
    }

    /** A name for a file in a model folder: no separators, no {@code ..}, no leading dot. */
    static String requireSafeFileName(String name) {
        if (name == null || !FILE_NAME.matcher(name).matches() || name.contains("..")) {
            throw new UnsafePathException("unsafe file name '" + name
                    + "': a model file must be a plain name such as model.onnx (no '/', '\\', '..' or leading '.')");
        }
        return name;
    }

    /** A path inside a Hub repository: relative, '/'-separated segments, none of them {@code .} or {@code ..}. */
    static String requireSafeRemotePath(String path) {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("//")) {
            throw new UnsafePathException("unsafe repository path '" + path + "': must be relative, e.g. onnx/model.onnx");
        }
        for (String segment : path.split("/")) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals("..") || segment.contains("..")) {
                throw new UnsafePathException("unsafe repository path '" + path + "': segment '" + segment + "' is not allowed");
            }
        }
        return path;
    }

    /** {@code dir.resolve(name)}, refused unless the result is a direct child of {@code dir}. */
    static Path child(Path dir, String name) {
        requireSafeFileName(name);
        Path base = dir.toAbsolutePath().normalize();
        Path p = base.resolve(name).normalize();
        if (!base.equals(p.getParent())) {
            throw new UnsafePathException("'" + name + "' would leave the model folder " + base);
        }
        return p;
    }
}
