package io.minyi.privacy;

/** The kinds of personal information (个人信息) a report can carry, as PIPL and 等保 classify them. */
public enum PersonalKind {
    NAME("name", "姓名"),
    PHONE("phone", "电话号码"),
    ID_NUMBER("id-number", "身份证号"),
    ADDRESS("address", "住址"),
    EMAIL("email", "电子邮箱");

    private final String wireName;
    private final String label;

    PersonalKind(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    public String wireName() {
        return wireName;
    }

    public static PersonalKind ofWireName(String wireName) {
        for (PersonalKind k : values()) {
            if (k.wireName.equals(wireName)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown personal data kind " + wireName);
    }

    /** The zh-CN name shown to people. */
    public String label() {
        return label;
    }

    /** Sensitive personal information (敏感个人信息, PIPL art. 28): an ID number identifies a person outright. */
    public boolean sensitive() {
        return this == ID_NUMBER;
    }
}
