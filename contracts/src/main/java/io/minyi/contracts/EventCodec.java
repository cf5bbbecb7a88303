package io.minyi.contracts;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON body of a report event. Unknown properties are ignored so that consumers keep working
 * when a producer adds fields (additive changes within a schema version).
 */
public final class EventCodec {

    /** The mapper of every minyi wire format: ISO-8601 instants, unknown properties ignored. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final ObjectWriter WRITER = MAPPER.writerFor(ReportEvent.class);
    private static final ObjectReader READER = MAPPER.readerFor(ReportEvent.class);

    public static byte[] toJson(ReportEvent event) {
        return WRITER.writeValueAsBytes(event);
    }

    public static ReportEvent fromJson(byte[] json) {
        return READER.readValue(json);
    }

    private EventCodec() {
    }
}
