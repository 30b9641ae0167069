package network.qfc.miner.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {

    private static ModelRegistry parse(String json) throws IOException {
        return ModelRegistry.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String entry(String remotePath, String localName) {
        return """
            {"models":[{"name":"m","version":"v1","hfRepo":"a/b","revision":"main","dimension":3,
              "minMemoryMb":{"doc":1,"node":1},"minTier":{"doc":"Cold","node":"Cold"},
              "files":[{"remotePath":"%s","localName":"%s"}]}]}
            """.formatted(remotePath, localName);
    }

    @Test
    void bundledRegistryHoldsTheThreeApprovedModelsWithBothFigures() {
        ModelRegistry r = ModelRegistry.bundled();
        assertThat(r.models()).extracting(m -> m.ref().toString())
                .containsExactly("qfc-embed-small@v1.0", "qfc-embed-medium@v1.0", "qfc-classify-small@v1.0");

        ApprovedModel small = r.require("qfc-embed-small");
        assertThat(small.hfRepo()).isEqualTo("sentence-transformers/all-MiniLM-L6-v2");
        assertThat(small.dimension()).isEqualTo(384);
        assertThat(small.files()).extracting(ModelFile::remotePath, ModelFile::localName).containsExactly(
                org.assertj.core.groups.Tuple.tuple("onnx/model.onnx", "model.onnx"),
                org.assertj.core.groups.Tuple.tuple("tokenizer.json", "tokenizer.json"),
                org.assertj.core.groups.Tuple.tuple("config.json", "config.json"));
        assertThat(small.seed().files()).extracting(SeedFile::resource, SeedFile::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/all-minilm-l6-v2.onnx", 90_984_153L),
                        org.assertj.core.groups.Tuple.tuple("/all-minilm-l6-v2-tokenizer.json", 711_661L));
        // revisions are not pinned to invented commits
        assertThat(r.models()).allSatisfy(m -> assertThat(m.pinned() || !m.revision().equals("main")).isFalse());

        ApprovedModel medium = r.require("qfc-embed-medium@v1.0");
        assertThat(medium.minMemoryMbDoc()).isEqualTo(512);
        assertThat(medium.minMemoryMb()).isEqualTo(2048);
        assertThat(medium.minTierDoc()).isEqualTo(MinTier.COLD);
        assertThat(medium.minTier()).isEqualTo(MinTier.WARM);
        assertThat(r.require("qfc-classify-small").dimension()).isEqualTo(768);
        assertThat(r.require("qfc-classify-small").minTier()).isEqualTo(MinTier.WARM);
    }

    @Test
    void unknownModelNamesTheApprovedOnes() {
        assertThatThrownBy(() -> ModelRegistry.bundled().require("qfc-embed-huge"))
                .isInstanceOf(ModelRegistryException.class).hasMessageContaining("qfc-embed-small@v1.0");
    }

    @Test
    void mergeTakesTheNodesFiguresAndMarksWithdrawnModels() {
        ModelRegistry merged = ModelRegistry.bundled().merge(List.of(
                new NodeApproval("qfc-embed-small", "v1.0", 768, "Cold", true),
                new NodeApproval("qfc-classify-small", "v1.0", 4096, "Hot", false),
                new NodeApproval("qfc-new-model", "v9", 1, "Cold", true),
                new NodeApproval("../../etc", "v1.0", 1, "Cold", true)));

        assertThat(merged.require("qfc-embed-small").approved()).isTrue();
        assertThat(merged.require("qfc-embed-small").minMemoryMb()).isEqualTo(768);
        assertThat(merged.require("qfc-embed-small").minMemoryMbDoc()).isEqualTo(512);
        assertThat(merged.require("qfc-embed-medium").approved()).isFalse(); // not listed by the node any more
        assertThat(merged.require("qfc-classify-small").approved()).isFalse();
        assertThat(merged.require("qfc-classify-small").minTier()).isEqualTo(MinTier.HOT);
        assertThat(merged.models()).hasSize(3);
        assertThat(ModelRegistry.bundled().merge(List.of()).require("qfc-embed-medium").approved()).isTrue();
    }

    @Test
    void registryPathsThatEscapeTheFolderAreRefused() {
        assertThatThrownBy(() -> parse(entry("onnx/model.onnx", "../../evil.onnx")))
                .isInstanceOf(ModelRegistryException.class).hasMessageContaining("unsafe file name '../../evil.onnx'");
        assertThatThrownBy(() -> parse(entry("../../etc/passwd", "model.onnx")))
                .isInstanceOf(ModelRegistryException.class).hasMessageContaining("unsafe repository path");
        assertThatThrownBy(() -> parse(entry("/abs/model.onnx", "model.onnx"))).isInstanceOf(ModelRegistryException.class);
        assertThatThrownBy(() -> parse(entry("onnx\\\\..\\\\model.onnx", "model.onnx"))).isInstanceOf(ModelRegistryException.class);
        assertThatThrownBy(() -> parse(entry("onnx/model.onnx", "sub/model.onnx"))).isInstanceOf(ModelRegistryException.class);
        assertThatThrownBy(() -> parse(entry("onnx/model.onnx", ".qfc-model.json"))).isInstanceOf(ModelRegistryException.class);
        assertThatThrownBy(() -> ModelRef.parse("../evil@v1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModelRef.parse("qfc-embed-small@..")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContainedPath.child(Path.of("/tmp/m"), "..")).isInstanceOf(UnsafePathException.class);
    }

    @Test
    void modelRefRoundTripsAndTiersCompare() {
        assertThat(ModelRef.parse("qfc-embed-small@v1.0")).isEqualTo(new ModelRef("qfc-embed-small", "v1.0"));
        assertThat(new ModelRef("qfc-embed-small", "v1.0")).hasToString("qfc-embed-small@v1.0");
        assertThatThrownBy(() -> ModelRef.parse("qfc-embed-small")).hasMessageContaining("NAME@VERSION");
        assertThat(MinTier.parse("Warm").allows(MinTier.HOT)).isTrue();
        assertThat(MinTier.WARM.allows(MinTier.COLD)).isFalse();
        assertThat(MinTier.HOT.display()).isEqualTo("Hot");
    }

    @Test
    void cacheRootIsExplicitThenEnvironmentThenHomeCache() {
        assertThat(ModelCache.resolveRoot(Path.of("/x"), Map.of("QFC_MODEL_DIR", "/y"), "/home/u")).isEqualTo(Path.of("/x"));
        assertThat(ModelCache.resolveRoot(null, Map.of("QFC_MODEL_DIR", "/y"), "/home/u")).isEqualTo(Path.of("/y"));
        assertThat(ModelCache.resolveRoot(null, Map.of(), "/home/u")).isEqualTo(Path.of("/home/u/.cache/qfc-models"));
        assertThat(ModelDownloader.Settings.endpointFrom(Map.of())).isEqualTo("https://huggingface.co");
        assertThat(ModelDownloader.Settings.endpointFrom(Map.of("HF_ENDPOINT", "https://hf-mirror.example"))).isEqualTo("https://hf-mirror.example");
    }
}
