package org.healthclaims.domain.user;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Looks up users for logging in. Login names are matched case-insensitively, as the unique index is. */
public interface UserRepository extends Repository<AppUser, Long> {

    @Query("""
            select u.id, u.uuid, u.login_name, u.last_name, u.other_names, u.language_id, u.user_type,
                   u.health_facility_id, u.password_hash
              from app_user u
             where lower(u.login_name) = lower(:loginName)
               and u.validity_to is null""")
    Optional<AppUser> findCurrentByLoginName(@Param("loginName") String loginName);
}
