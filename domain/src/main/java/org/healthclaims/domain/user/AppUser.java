package org.healthclaims.domain.user;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person who logs in (openIMIS tblUsers / core_User): interactive users, officers and claim administrators.
 * Only the current row ({@code validity_to is null}) of a login name can log in.
 */
@Table("app_user")
public record AppUser(
        @Id Long id,
        UUID uuid,
        String loginName,
        String lastName,
        String otherNames,
        String languageId,
        String userType,
        @Nullable Long healthFacilityId,
        @Nullable String passwordHash) {}
