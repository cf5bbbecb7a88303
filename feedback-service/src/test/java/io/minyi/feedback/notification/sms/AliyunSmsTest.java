package io.minyi.feedback.notification.sms;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The provider's real SDK against a local server answering as 短信服务 does: the request is signed with the
 * access key (ACS3-HMAC-SHA256), names the action, the number, the 签名, the template and its parameters;
 * the provider's refusal comes back as its code.
 */
class AliyunSmsTest {

    WireMockServer provider;

    @BeforeEach
    void start() {
        provider = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        provider.start();
    }

    @AfterEach
    void stop() {
        provider.stop();
    }

    @Test
    void aMessageGoesOutSignedWithTheTemplateAndItsParameters() throws Exception {
        provider.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"900619746936498440^0\",\"RequestId\":\"F655A8D5\"}")));
        AliyunSms sms = new AliyunSms("127.0.0.1:" + provider.port(), "HTTP", "LTAI-test-key", "test-secret", "海口政协");

        String id = sms.send("13800138000", "SMS_465390123", Map.of("title", "河道垃圾清理不及时", "deadline", "12月23日"));

        assertThat(id).isEqualTo("900619746936498440^0");
        provider.verify(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("x-acs-action", matching("SendSms"))
                .withHeader("x-acs-version", matching("2017-05-25"))
                .withHeader("Authorization", matching("ACS3-HMAC-SHA256 Credential=LTAI-test-key,SignedHeaders=.*,Signature=[0-9a-f]{64}"))
                .withQueryParam("PhoneNumbers", matching("13800138000"))
                .withQueryParam("SignName", matching("海口政协"))
                .withQueryParam("TemplateCode", matching("SMS_465390123"))
                .withQueryParam("TemplateParam", containing("\"title\":\"河道垃圾清理不及时\"")));
    }

    @Test
    void theProvidersRefusalComesBackWithItsCode() throws Exception {
        provider.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"Code\":\"isv.MOBILE_NUMBER_ILLEGAL\",\"Message\":\"非法手机号\",\"RequestId\":\"A1\"}")));
        AliyunSms sms = new AliyunSms("127.0.0.1:" + provider.port(), "HTTP", "LTAI-test-key", "test-secret", "海口政协");

        assertThatThrownBy(() -> sms.send("1380013", "SMS_465390123", Map.of()))
                .isInstanceOf(SmsProvider.Refused.class)
                .satisfies(e -> assertThat(((SmsProvider.Refused) e).code()).isEqualTo("isv.MOBILE_NUMBER_ILLEGAL"));
    }
}
