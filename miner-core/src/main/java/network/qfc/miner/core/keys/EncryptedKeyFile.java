package network.qfc.miner.core.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import network.qfc.miner.core.protocol.Address;
import network.qfc.miner.core.protocol.Blake3;
import network.qfc.miner.core.protocol.Hex;
import network.qfc.miner.core.protocol.ValidatorKey;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.util.Strings;

/**
 * A validator key encrypted with the user's password: versioned JSON (format 1) with the address and public key in
 * clear, the seed encrypted by AES-256-GCM under a key derived by scrypt (N = 2^17, r = 8, p = 1).
 *
 * <pre>{"version":1, "kind":"qfc-validator-key", "address":"0x..", "publicKey":"..",
 *  "kdf":{"name":"scrypt","n":131072,"r":8,"p":1,"salt":".."}, "cipher":{"name":"aes-256-gcm","nonce":".."},
 *  "passwordCheck":"..", "ciphertext":"..", "createdAt":"2026-..Z"}</pre>
 *
 * <p>scrypt yields 64 bytes: the first 32 are the AES key, BLAKE3 of the last 32 is {@code passwordCheck}, which
 * tells a wrong password from a damaged file (it helps no attacker: the GCM tag already checks a guess). Every clear
 * field is authenticated as GCM associated data, so swapping the address or any header field makes the file fail
 * to open; the decrypted key must also have the stated address and public key. Files are written atomically and
 * owner-only ({@link OwnerOnlyFile}); a failure leaves the old file as it was.
 */
public final class EncryptedKeyFile {
    public static final int VERSION = 1;
    public static final String KIND = "qfc-validator-key";
    private static final int SALT_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_FILE_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A KDF whose scratch memory is at least this large is followed by a full collection (see derive). */
    private static final long GIVE_BACK_SCRATCH_BYTES = 16L << 20;

    private EncryptedKeyFile() {
    }

    /** Encrypts {@code key} under {@code password} (scrypt N = 2^17) into a new file; never overwrites one. */
    public static void write(Path file, ValidatorKey key, char[] password) {
        write(file, key, password, KdfParams.STANDARD);
    }

    /** As {@link #write(Path, ValidatorKey, char[])} with an explicit scrypt cost (tests not about the KDF). */
    public static void write(Path file, ValidatorKey key, char[] password, KdfParams kdf) {
        OwnerOnlyFile.write(file, encrypt(key, password, kdf, new SecureRandom()), false);
    }

    /**
     * Decrypts the key in {@code file}. A wrong password gives "wrong password for key file PATH"; a damaged or
     * altered file says so. Nothing is kept from a failed attempt.
     */
    public static ValidatorKey read(Path file, char[] password) {
        Header h = Header.parse(file, readFile(file));
        byte[] derived = derive(password, h.salt, h.kdf);
        byte[] seed = null;
        try {
            if (!MessageDigest.isEqual(Blake3.hash(Arrays.copyOfRange(derived, 32, 64)), h.passwordCheck)) {
                throw new KeyFileException("wrong password for key file " + file);
            }
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(derived, 0, 32, "AES"), new GCMParameterSpec(TAG_BITS, h.nonce));
                cipher.updateAAD(h.associatedData());
                seed = cipher.doFinal(h.ciphertext);
            } catch (AEADBadTagException e) {
                throw damaged(file, "its contents do not match their authentication tag");
            } catch (GeneralSecurityException e) {
                throw new KeyFileException("cannot decrypt key file " + file + ": this Java has no AES-GCM ("
                        + e.getClass().getSimpleName() + ")");
            }
            if (seed.length != ValidatorKey.SEED_BYTES) {
                throw damaged(file, "the decrypted key has " + seed.length + " bytes, not 32");
            }
            ValidatorKey key = ValidatorKey.fromSeed(seed);
            if (!key.address().equals(h.address) || !key.publicKeyHex().equals(h.publicKeyHex)) {
                key.destroy();
                throw damaged(file, "the key inside does not match the address written on it");
            }
            return key;
        } finally {
            Arrays.fill(derived, (byte) 0);
            if (seed != null) {
                Arrays.fill(seed, (byte) 0);
            }
        }
    }

    /** Re-encrypts the key under a new password (fresh salt and nonce, scrypt N = 2^17), replacing the file atomically. */
    public static void changePassword(Path file, char[] oldPassword, char[] newPassword) {
        changePassword(file, oldPassword, newPassword, KdfParams.STANDARD);
    }

    /** As {@link #changePassword(Path, char[], char[])} with an explicit scrypt cost for the new file. */
    public static void changePassword(Path file, char[] oldPassword, char[] newPassword, KdfParams kdf) {
        Header old = Header.parse(file, readFile(file));
        try (ValidatorKey key = read(file, oldPassword)) {
            byte[] json = encrypt(key, newPassword, kdf, new SecureRandom(), old.createdAt);
            OwnerOnlyFile.write(file, json, true);
        }
    }

    /** The address written in clear on the file ({@code 0x} + 40 hex); no password needed. */
    public static String addressOf(Path file) {
        return info(file).address().toString();
    }

    /** Address, public key and creation time written in clear on the file; no password needed. */
    public static KeyFileInfo info(Path file) {
        Header h = Header.parse(file, readFile(file));
        return new KeyFileInfo(h.address, h.publicKeyHex, h.createdAt);
    }

    static byte[] encrypt(ValidatorKey key, char[] password, KdfParams kdf, SecureRandom random) {
        return encrypt(key, password, kdf, random, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private static byte[] encrypt(ValidatorKey key, char[] password, KdfParams kdf, SecureRandom random, Instant createdAt) {
        byte[] salt = new byte[SALT_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        byte[] derived = derive(password, salt, kdf);
        byte[] seed = key.exportSeed();
        try {
            Header h = new Header(key.address(), key.publicKeyHex(), kdf, salt, nonce,
                    Blake3.hash(Arrays.copyOfRange(derived, 32, 64)), null, createdAt);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(derived, 0, 32, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(h.associatedData());
            byte[] ciphertext = cipher.doFinal(seed);
            return h.withCiphertext(ciphertext).toJson();
        } catch (GeneralSecurityException e) {
            throw new KeyFileException("cannot encrypt a key file: this Java has no AES-GCM (" + e.getClass().getSimpleName() + ")");
        } finally {
            Arrays.fill(derived, (byte) 0);
            Arrays.fill(seed, (byte) 0);
        }
    }

    private static byte[] derive(char[] password, byte[] salt, KdfParams kdf) {
        byte[] pw = Strings.toUTF8ByteArray(password);
        try {
            return SCrypt.generate(pw, salt, kdf.n(), kdf.r(), kdf.p(), 64);
        } finally {
            Arrays.fill(pw, (byte) 0);
            if (kdf.scratchBytes() >= GIVE_BACK_SCRATCH_BYTES) {
                // scrypt's scratch (128 MiB at the standard cost) is garbage now, but it was promoted to the old
                // generation, whose pages stay resident until a full collection: one now lets the heap shrink
                // (the launchers start it small) instead of carrying the scratch for the life of the miner.
                System.gc();
            }
        }
    }

    private static byte[] readFile(Path file) {
        try {
            long size = java.nio.file.Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new KeyFileException("key file " + file + " is too large (" + size + " bytes): is it the right file?");
            }
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new KeyFileException("key file " + file + " does not exist");
        } catch (java.io.IOException e) {
            throw new KeyFileException("could not read key file " + file + ": " + OwnerOnlyFile.describe(e), e);
        }
    }

    private static KeyFileException damaged(Path file, String why) {
        return new KeyFileException("key file " + file + " is damaged or was altered (" + why
                + "): restore it from your backup");
    }

    /** The clear part of a key file, validated field by field. */
    private record Header(Address address, String publicKeyHex, KdfParams kdf, byte[] salt, byte[] nonce,
                          byte[] passwordCheck, byte[] ciphertext, Instant createdAt) {

        Header withCiphertext(byte[] c) {
            return new Header(address, publicKeyHex, kdf, salt, nonce, passwordCheck, c, createdAt);
        }

        /** Every clear field, canonically: the GCM associated data. */
        byte[] associatedData() {
            String s = KIND + "\n" + VERSION + "\n" + address + "\n" + publicKeyHex + "\n"
                    + "scrypt:" + kdf.n() + ":" + kdf.r() + ":" + kdf.p() + ":" + Hex.encode(salt) + "\n"
                    + "aes-256-gcm:" + Hex.encode(nonce) + "\n" + Hex.encode(passwordCheck) + "\n" + createdAt;
            return s.getBytes(StandardCharsets.UTF_8);
        }

        byte[] toJson() {
            ObjectNode root = JSON.createObjectNode();
            root.put("version", VERSION);
            root.put("kind", KIND);
            root.put("address", address.toString());
            root.put("publicKey", publicKeyHex);
            ObjectNode k = root.putObject("kdf");
            k.put("name", "scrypt");
            k.put("n", kdf.n());
            k.put("r", kdf.r());
            k.put("p", kdf.p());
            k.put("salt", Hex.encode(salt));
            ObjectNode c = root.putObject("cipher");
            c.put("name", "aes-256-gcm");
            c.put("nonce", Hex.encode(nonce));
            root.put("passwordCheck", Hex.encode(passwordCheck));
            root.put("ciphertext", Hex.encode(ciphertext));
            root.put("createdAt", createdAt.toString());
            try {
                return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot happen: a tree of strings and numbers", e);
            }
        }

        static Header parse(Path file, byte[] bytes) {
            JsonNode root;
            try {
                root = JSON.readTree(bytes);
            } catch (java.io.IOException e) {
                throw notAKeyFile(file, "it is not valid JSON");
            }
            if (root == null || !root.isObject()) {
                throw notAKeyFile(file, "it is not a JSON object");
            }
            if (!KIND.equals(root.path("kind").asText(null))) {
                throw notAKeyFile(file, "\"kind\" is not \"" + KIND + "\"");
            }
            JsonNode version = root.path("version");
            if (!version.isInt()) {
                throw notAKeyFile(file, "\"version\" is missing");
            }
            if (version.intValue() != VERSION) {
                throw new KeyFileException("key file " + file + " has format version " + version.intValue()
                        + "; this miner reads version " + VERSION + ": update the miner");
            }
            try {
                JsonNode kdfNode = root.path("kdf");
                if (!"scrypt".equals(kdfNode.path("name").asText(null))) {
                    throw new IllegalArgumentException("kdf.name must be \"scrypt\"");
                }
                JsonNode cipherNode = root.path("cipher");
                if (!"aes-256-gcm".equals(cipherNode.path("name").asText(null))) {
                    throw new IllegalArgumentException("cipher.name must be \"aes-256-gcm\"");
                }
                Address address = Address.parse(text(root, "address"));
                String publicKey = Hex.normalize(text(root, "publicKey"));
                Hex.decodeFixed("publicKey", publicKey, 32);
                KdfParams kdf = new KdfParams(integer(kdfNode, "n"), integer(kdfNode, "r"), integer(kdfNode, "p"));
                byte[] salt = Hex.decodeFixed("kdf.salt", text(kdfNode, "salt"), SALT_BYTES);
                byte[] nonce = Hex.decodeFixed("cipher.nonce", text(cipherNode, "nonce"), NONCE_BYTES);
                byte[] check = Hex.decodeFixed("passwordCheck", text(root, "passwordCheck"), 32);
                byte[] ciphertext = Hex.decodeFixed("ciphertext", text(root, "ciphertext"), ValidatorKey.SEED_BYTES + TAG_BITS / 8);
                Instant createdAt = Instant.parse(text(root, "createdAt"));
                return new Header(address, publicKey, kdf, salt, nonce, check, ciphertext, createdAt);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw damaged(file, e.getMessage());
            }
        }

        private static String text(JsonNode node, String field) {
            JsonNode v = node.get(field);
            if (v == null || !v.isTextual()) {
                throw new IllegalArgumentException("\"" + field + "\" is missing or not text");
            }
            return v.textValue();
        }

        private static int integer(JsonNode node, String field) {
            JsonNode v = node.get(field);
            if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
                throw new IllegalArgumentException("kdf." + field + " is missing or not a whole number");
            }
            return v.intValue();
        }

        private static KeyFileException notAKeyFile(Path file, String why) {
            return new KeyFileException(file + " is not a QFC encrypted key file (" + why + ")");
        }
    }
}
