package io.wellbase.organizations.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.CurrentOrganization;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.security.Role;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import io.wellbase.platform.web.Paged;
import io.wellbase.platform.web.SortSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff members of the caller's organization.
 */
@RestController
@RequestMapping("/api/v1/members")
@Tag(name = "Members")
class MembersController {

    private static final SortSpec SORT = MemberService.SORT;

    private final MemberService members;

    MembersController(MemberService members) {
        this.members = members;
    }

    record ChangeRoleRequest(@NotBlank String role) {}

    @GetMapping
    @RequiresPermission(Permission.MEMBER_READ)
    @Operation(summary = "List members; filter by role, sort by name, email, role or joinedAt")
    PageResult<MemberService.Member> list(
            CurrentOrganization org,
            @RequestParam(required = false) String role,
            @Paged(sortable = true) PageQuery page) {
        return members.list(org.id(), role, page);
    }

    @PatchMapping("/{id}")
    @RequiresPermission(Permission.MEMBER_MANAGE)
    @Operation(summary = "Change a member's role")
    MemberService.Member changeRole(
            Caller caller, @PathVariable UUID id, @Valid @RequestBody ChangeRoleRequest request) {
        Role role = Role.parse(request.role())
                .orElseThrow(() ->
                        ApiException.invalidField("role", "must be one of owner, admin, manager, staff, front_desk"));
        return members.changeRole(caller, id, role);
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(Permission.MEMBER_MANAGE)
    @Operation(summary = "Remove a member from the organization")
    ResponseEntity<Void> remove(Caller caller, @PathVariable UUID id) {
        members.remove(caller, id);
        return ResponseEntity.noContent().build();
    }
}
