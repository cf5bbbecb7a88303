package io.minyi.intake.reference;

import io.minyi.intake.reference.domain.DepartmentInfo;

import java.util.List;

/** The checks of a department's own fields (short name, kind, contact, phone, e-mail). */
final class DepartmentChecks {

    private DepartmentChecks() {
    }

    static void check(DepartmentInfo d, List<ReferenceAdmin.Problem> problems) {
        if (d == null) {
            return;
        }
        if (d.shortName() != null && d.shortName().strip().length() > DepartmentInfo.MAX_SHORT_NAME) {
            problems.add(ReferenceAdmin.bad("shortName", "invalid-short-name", "单位简称最多 "
                    + DepartmentInfo.MAX_SHORT_NAME + " 个字。", "The short name is at most "
                    + DepartmentInfo.MAX_SHORT_NAME + " characters."));
        }
        if (d.kind() != null && !d.kind().isBlank() && DepartmentInfo.Kind.parse(d.kind()).isEmpty()) {
            problems.add(ReferenceAdmin.bad("kind", "invalid-kind", "单位类别应为党政部门、人民团体、企事业单位或其他：" + d.kind(),
                    "The kind is one of party-government, people-organization, enterprise-institution, other: " + d.kind()));
        }
        if (d.contactPerson() != null && d.contactPerson().strip().length() > DepartmentInfo.MAX_CONTACT) {
            problems.add(ReferenceAdmin.bad("contactPerson", "invalid-contact", "联系人最多 " + DepartmentInfo.MAX_CONTACT
                    + " 个字。", "The contact person is at most " + DepartmentInfo.MAX_CONTACT + " characters."));
        }
        if (d.phone() != null && !d.phone().isBlank() && !DepartmentInfo.isPhone(d.phone().strip())) {
            problems.add(ReferenceAdmin.bad("phone", "invalid-phone", "联系电话应为手机号或带区号的座机号，如 0898-66123456：" + d.phone(),
                    "The phone is a mobile number or a landline with its area code: " + d.phone()));
        }
        if (d.email() != null && !d.email().isBlank() && !DepartmentInfo.isEmail(d.email().strip())) {
            problems.add(ReferenceAdmin.bad("email", "invalid-email", "电子邮箱格式不正确：" + d.email(),
                    "Not an e-mail address: " + d.email()));
        }
    }
}
