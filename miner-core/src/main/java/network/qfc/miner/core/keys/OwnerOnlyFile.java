package network.qfc.miner.core.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Files only their owner may read: written atomically (a temporary file in the same folder, created owner-only from
 * its first byte, flushed to disk, then renamed over the target) and checked before a secret is read from them.
 * POSIX systems get mode 0600; Windows gets an ACL naming only the owner.
 */
public final class OwnerOnlyFile {
    private static final Set<PosixFilePermission> OWNER_RW =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> SHARED = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnlyFile() {
    }

    /**
     * Writes {@code content} to {@code target} atomically with owner-only permissions. With {@code replace} false an
     * existing target is never overwritten (a key is never lost to a typo). Readers see the old file or the new
     * one, never a part; no temporary file is left behind, whatever fails.
     */
    public static void write(Path target, byte[] content, boolean replace) {
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            if (!replace && Files.exists(file)) {
                throw alreadyExists(file);
            }
            temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp", ownerOnly(dir));
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (replace) {
                moveAtomically(temp, file);
            } else {
                placeWithoutReplacing(temp, file);
            }
            temp = null;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new KeyFileException("could not write " + file + ": " + describe(e), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is owner-only in any case
                }
            }
        }
    }

    /**
     * Refuses a file that other users may read or write (POSIX), with the fix in the message. {@code what} names
     * the file for the user ("key file", "password file").
     */
    public static void requireOwnerOnly(Path file, String what) {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix == null) {
            return; // Windows: the ACL is the user's business; we write ours owner-only
        }
        Set<PosixFilePermission> perms;
        try {
            perms = posix.readAttributes().permissions();
        } catch (NoSuchFileException e) {
            throw new KeyFileException(what + " " + file + " does not exist");
        } catch (IOException e) {
            throw new KeyFileException("could not read the permissions of " + what + " " + file + ": " + describe(e), e);
        }
        Set<PosixFilePermission> shared = EnumSet.copyOf(SHARED);
        shared.retainAll(perms);
        if (!shared.isEmpty()) {
            throw new KeyFileException(what + " " + file + " is open to other users (" + PosixFilePermissions.toString(perms)
                    + "): run chmod 600 " + file + " and try again");
        }
    }

    /** Reads a small private file whole (after {@link #requireOwnerOnly}); the caller wipes the returned array. */
    public static byte[] readSmall(Path file, String what, int maxBytes) {
        requireOwnerOnly(file, what);
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new KeyFileException(what + " " + file + " is too large (" + size + " bytes, at most " + maxBytes
                        + "): is it the right file?");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KeyFileException(what + " " + file + " does not exist");
        } catch (IOException e) {
            throw new KeyFileException("could not read " + what + " " + file + ": " + describe(e), e);
        }
    }

    /** The attribute that makes a new file owner-only from its creation on this file system. */
    static FileAttribute<?>[] ownerOnly(Path dir) throws IOException {
        if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_RW)};
        }
        if (Files.getFileAttributeView(dir, AclFileAttributeView.class) != null) {
            UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            AclEntry entry = AclEntry.newBuilder()
                    .setType(AclEntryType.ALLOW)
                    .setPrincipal(owner)
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                    .build();
            List<AclEntry> acl = List.of(entry);
            return new FileAttribute<?>[] {new FileAttribute<List<AclEntry>>() {
                @Override
                public String name() {
                    return "acl:acl";
                }

                @Override
                public List<AclEntry> value() {
                    return acl;
                }
            }};
        }
        return new FileAttribute<?>[0];
    }

    private static void moveAtomically(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("this file system cannot replace a file atomically; keep key files on a local disk", e);
        }
    }

    /** Links the new file in place, which fails if the target appeared meanwhile; rename where links are missing. */
    private static void placeWithoutReplacing(Path temp, Path file) throws IOException {
        try {
            Files.createLink(file, temp);
            Files.delete(temp);
        } catch (FileAlreadyExistsException e) {
            throw alreadyExists(file);
        } catch (UnsupportedOperationException | IOException e) {
            if (Files.exists(file)) {
                throw alreadyExists(file);
            }
            moveAtomically(temp, file);
        }
    }

    private static KeyFileException alreadyExists(Path file) {
        return new KeyFileException(file + " already exists: refusing to overwrite it (move it away first)");
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every OS can open a folder (Windows); the rename itself is already atomic
        }
    }

    static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
    }
}
