package network.qfc.miner.app.desktop.firstrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import network.qfc.miner.core.keys.EncryptedKeyFile;
import network.qfc.miner.core.keys.KdfParams;
import network.qfc.miner.core.keys.KeyFileException;
import network.qfc.miner.core.protocol.ValidatorKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Setup's logic without a window: URL rules, node answers, input checks, key files. */
class SetupLogicTest {
    private static final KdfParams FAST = new KdfParams(1 << 14, 8, 1);
    @TempDir
    Path dir;

    @Test
    void plainHttpToAnotherComputerIsWarnedAboutAndBadUrlsAreExplained() {
        assertThat(RpcEndpoint.parse("http://10.1.2.3:8545").warning()).get().asString().contains("plain http");
        assertThat(RpcEndpoint.parse("http://127.0.0.1:8545").warning()).isEmpty();
        assertThat(RpcEndpoint.parse("http://localhost:8545").warning()).isEmpty();
        assertThat(RpcEndpoint.parse("https://rpc.example.org").warning()).isEmpty();
        assertThat(RpcEndpoint.parse("https://rpc.example.org:8443/x?y").nodeName()).isEqualTo("https://rpc.example.org:8443");
        assertThatThrownBy(() -> RpcEndpoint.parse("ftp://x")).hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> RpcEndpoint.parse(" ")).hasMessageContaining("Type the node's RPC URL");
        assertThatThrownBy(() -> RpcEndpoint.parse("https://user:pw@host")).hasMessageContaining("Leave the user name");
    }

    @Test
    void nodeAnswersThatAreNotNodeInfoGiveReadableReasons() throws Exception {
        RpcNodeCheck check = RpcNodeCheck.withDefaultTimeouts();
        try (LoopbackNode up = LoopbackNode.up();
             LoopbackNode notFound = LoopbackNode.answering(404, "no");
             LoopbackNode html = LoopbackNode.answering(200, "<html>hello</html>");
             LoopbackNode error = LoopbackNode.answering(200,
                     "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32000,\"message\":\"node is starting\"}}")) {
            NodeStatus ok = check.check(up.url());
            assertThat(ok.reachable()).isTrue();
            assertThat(ok.chainId()).isEqualTo(9000);
            assertThat(ok.version()).isEqualTo("2.0.1");
            assertThat(check.check(notFound.url()).describe()).isEqualTo(notFound.url() + " answered HTTP 404: is this the RPC URL of a QFC node?");
            assertThat(check.check(html.url()).describe()).isEqualTo(html.url() + " did not answer like a QFC node: is this the right RPC URL?");
            assertThat(check.check(error.url()).describe()).contains("node is starting").contains("-32000");
        }
    }

    @Test
    void inputsAreCheckedWithoutRepeatingThem() {
        char[] pw = "longenough1".toCharArray();
        assertThat(KeyStepController.problem(KeyChoice.CREATE, new char[0], pw, "longenough2".toCharArray(), "")).contains("differ");
        assertThat(KeyStepController.problem(KeyChoice.CREATE, new char[0], "short".toCharArray(), "short".toCharArray(), ""))
                .contains("at least 8");
        assertThat(KeyStepController.problem(KeyChoice.CREATE, new char[0], pw, pw.clone(), "")).isNull();
        String badSecret = "zz61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
        assertThat(KeyStepController.problem(KeyChoice.IMPORT_SECRET, badSecret.toCharArray(), pw, pw.clone(), ""))
                .contains("64 hex").doesNotContain(badSecret);
        assertThat(KeyStepController.isSecretHex((" 0x" + "ab".repeat(32) + "\n").toCharArray())).isTrue();
        assertThat(KeyStepController.isSecretHex("ab".repeat(31).toCharArray())).isFalse();
        assertThat(KeyStepController.problem(KeyChoice.IMPORT_FILE, new char[0], pw, new char[0], dir.resolve("none.json").toString()))
                .contains("does not exist");
        assertThat(PasswordStrength.of("abc")).isEqualTo(PasswordStrength.TOO_SHORT);
        assertThat(PasswordStrength.of("abcdefgh")).isEqualTo(PasswordStrength.WEAK);
        assertThat(PasswordStrength.of("Tr0ub4dor&3-horse")).isEqualTo(PasswordStrength.STRONG);
    }

    @Test
    void replacingAKeyKeepsTheOldFileAndImportingAFileChecksItsPassword() throws Exception {
        KeySetup setup = new KeySetup(dir.resolve("keys/validator.json"), FAST);
        WrittenKey first = setup.createNew("first-password".toCharArray());
        String firstAddress = first.key().address().toString();
        Path other = dir.resolve("other.json");
        try (ValidatorKey k = ValidatorKey.fromHex("ab".repeat(32))) {
            EncryptedKeyFile.write(other, k, "other-password".toCharArray(), FAST);
        }
        assertThatThrownBy(() -> setup.importKeyFile(other, "wrong-password".toCharArray()))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("wrong password");
        assertThat(EncryptedKeyFile.addressOf(setup.keyFile())).isEqualTo(firstAddress);

        WrittenKey second = setup.importKeyFile(other, "other-password".toCharArray());
        assertThat(EncryptedKeyFile.addressOf(setup.keyFile())).isEqualTo(second.key().address().toString());
        try (var files = Files.list(dir.resolve("keys"))) {
            Path kept = files.filter(p -> p.getFileName().toString().startsWith("validator-replaced-")).findFirst().orElseThrow();
            assertThat(EncryptedKeyFile.addressOf(kept)).isEqualTo(firstAddress);
        }
        assertThat(second.toString()).doesNotContain("other-password");
    }
}
