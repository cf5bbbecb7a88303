package io.minyi.contracts.reference;

import io.minyi.contracts.EventCodec;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/** The JSON of a reference event, with the report events' mapper (unknown properties ignored). */
public final class ReferenceCodec {

    private static final ObjectWriter WRITER = EventCodec.MAPPER.writerFor(ReferenceEvent.class);
    private static final ObjectReader READER = EventCodec.MAPPER.readerFor(ReferenceEvent.class);

    public static byte[] toJson(ReferenceEvent event) {
        return WRITER.writeValueAsBytes(event);
    }

    public static ReferenceEvent fromJson(byte[] json) {
        return READER.readValue(json);
    }

    private ReferenceCodec() {
    }
}
