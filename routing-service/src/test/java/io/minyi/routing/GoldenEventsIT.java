package io.minyi.routing;

import io.minyi.testsupport.GoldenEventsContract;
import io.minyi.testsupport.MinyiServiceIT;

/** Every golden report event, fed to every handler of this service, twice. */
@MinyiServiceIT
class GoldenEventsIT extends GoldenEventsContract {
}
