package io.minyi.feedback.notification.sms;

import com.aliyun.dysmsapi20170525.Client;
import com.aliyun.dysmsapi20170525.models.SendSmsRequest;
import com.aliyun.dysmsapi20170525.models.SendSmsResponseBody;
import com.aliyun.teaopenapi.models.Config;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * Alibaba Cloud 短信服务 (dysmsapi 2017-05-25) through its official Java SDK: the 【签名】 registered with the
 * provider, a template code per kind of notice, the parameters as JSON. The endpoint is a setting, so the
 * tests point the real SDK at a local server that answers as the provider does.
 */
public class AliyunSms implements SmsProvider {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Client client;
    private final String signName;

    public AliyunSms(String endpoint, String protocol, String accessKeyId, String accessKeySecret, String signName)
            throws Exception {
        Config config = new Config().setAccessKeyId(accessKeyId).setAccessKeySecret(accessKeySecret)
                .setEndpoint(endpoint).setProtocol(protocol).setConnectTimeout(5000).setReadTimeout(10000);
        this.client = new Client(config);
        this.signName = signName;
    }

    @Override
    public String send(String mobile, String templateCode, Map<String, String> params) throws Exception {
        SendSmsResponseBody body = client.sendSms(new SendSmsRequest().setPhoneNumbers(mobile).setSignName(signName)
                .setTemplateCode(templateCode).setTemplateParam(JSON.writeValueAsString(params))).getBody();
        if (!"OK".equals(body.getCode())) {
            throw new Refused(body.getCode(), body.getMessage());
        }
        return body.getBizId();
    }
}
