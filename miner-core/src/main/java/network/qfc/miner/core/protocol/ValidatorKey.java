package network.qfc.miner.core.protocol;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A miner's identity: an Ed25519 validator key (32-byte seed). Its address is the last 20 bytes of
 * BLAKE3(public key). Every protocol signature is Ed25519 over a 32-byte BLAKE3 digest.
 *
 * <p>The secret never leaves this object except through {@link #exportSeed()}; {@link #toString()} shows only the
 * address. {@link #destroy()} wipes the seed copy held here.
 */
public final class ValidatorKey implements AutoCloseable {
    public static final int SEED_BYTES = 32;

    private final byte[] seed;
    private final Ed25519PrivateKeyParameters privateKey;
    private final byte[] publicKey;
    private final Address address;
    private volatile boolean destroyed;

    private ValidatorKey(byte[] seed) {
        if (seed.length != SEED_BYTES) {
            throw new IllegalArgumentException("a validator key is 32 bytes (64 hex digits), got " + seed.length + " bytes");
        }
        this.seed = seed.clone();
        this.privateKey = new Ed25519PrivateKeyParameters(this.seed, 0);
        this.publicKey = privateKey.generatePublicKey().getEncoded();
        this.address = Address.ofPublicKey(publicKey);
    }

    /** The key of a 32-byte seed (the array is copied; the caller may wipe its own). */
    public static ValidatorKey fromSeed(byte[] seed) {
        return new ValidatorKey(seed);
    }

    /** The key of 64 hex characters, {@code 0x} optional. The error never repeats the text. */
    public static ValidatorKey fromHex(CharSequence hex) {
        String h = hex.toString().trim();
        byte[] seed;
        try {
            seed = Hex.decodeFixed("validator key", h, SEED_BYTES);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a validator key: expected 64 hex characters (optionally with 0x)", null);
        }
        try {
            return new ValidatorKey(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** A new random key. */
    public static ValidatorKey generate(SecureRandom random) {
        byte[] seed = new byte[SEED_BYTES];
        random.nextBytes(seed);
        try {
            return new ValidatorKey(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    public Address address() {
        return address;
    }

    /** The 32-byte Ed25519 public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    public String publicKeyHex() {
        return Hex.encode(publicKey);
    }

    /** Ed25519 signature (64 bytes) of a 32-byte digest: the digest itself is the signed message. */
    public byte[] sign(byte[] digest) {
        if (destroyed) {
            throw new IllegalStateException("this key was wiped");
        }
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(digest, 0, digest.length);
        return signer.generateSignature();
    }

    /** BLAKE3 the message, then sign the digest: how every QFC payload is signed. */
    public byte[] signBlake3(byte[] message) {
        return sign(Blake3.hash(message));
    }

    /** Verifies an Ed25519 signature of {@code digest} by {@code publicKey}. */
    public static boolean verify(byte[] publicKey, byte[] digest, byte[] signature) {
        if (publicKey == null || publicKey.length != 32 || signature == null || signature.length != 64) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        verifier.update(digest, 0, digest.length);
        return verifier.verifySignature(signature);
    }

    /** A copy of the secret seed, for the encrypted key file only. The caller wipes it. */
    public byte[] exportSeed() {
        if (destroyed) {
            throw new IllegalStateException("this key was wiped");
        }
        return seed.clone();
    }

    /** Wipes the seed held here (BouncyCastle's own copy inside its parameters cannot be reached). */
    public void destroy() {
        destroyed = true;
        Arrays.fill(seed, (byte) 0);
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "ValidatorKey[" + address + "]";
    }
}
