package io.minyi.contracts.audit;

import io.minyi.contracts.EventCodec;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/** The JSON of an audit event, with the report events' mapper (unknown properties ignored). */
public final class AuditCodec {

    private static final ObjectWriter WRITER = EventCodec.MAPPER.writerFor(AuditEvent.class);
    private static final ObjectReader READER = EventCodec.MAPPER.readerFor(AuditEvent.class);

    public static byte[] toJson(AuditEvent event) {
        return WRITER.writeValueAsBytes(event);
    }

    public static AuditEvent fromJson(byte[] json) {
        return READER.readValue(json);
    }

    private AuditCodec() {
    }
}
