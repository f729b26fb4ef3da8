// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";
import {
    ERC20CappedUpgradeable
} from "@openzeppelin/contracts-upgradeable/token/ERC20/extensions/ERC20CappedUpgradeable.sol";
import {
    PausableUpgradeable
} from "@openzeppelin/contracts-upgradeable/utils/PausableUpgradeable.sol";

import {AuthorCoin} from "../../src/token/AuthorCoin.sol";
import {AuthorCoinV2} from "../../src/token/AuthorCoinV2.sol";
import {Base} from "../Base.t.sol";

contract AuthorCoinTest is Base {
    bytes32 private constant PERMIT_TYPEHASH = keccak256(
        "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"
    );

    function test_Initialize() public view {
        assertEq(token.name(), "AuthorCoin");
        assertEq(token.symbol(), "AUTH");
        assertEq(token.decimals(), 18);
        assertEq(token.cap(), CAP);
        assertEq(token.totalSupply(), INITIAL_SUPPLY);
        assertEq(token.balanceOf(holder), INITIAL_SUPPLY - TREASURY_TOKENS);
        assertEq(token.balanceOf(address(treasury)), TREASURY_TOKENS);
        assertEq(token.totalMinted(), 0, "initial supply is not counted as minted");
        assertEq(token.version(), "1.0.0");
        assertEq(_implementationOf(address(token)), address(tokenImpl));
        assertFalse(token.paused());
    }

    function test_RoleConstants() public view {
        assertEq(token.PAUSER_ROLE(), keccak256("PAUSER_ROLE"));
        assertEq(token.UPGRADER_ROLE(), keccak256("UPGRADER_ROLE"));
        assertEq(token.MINTER_ROLE(), keccak256("MINTER_ROLE"));
    }

    function test_RolesAssignedAtInitialize() public view {
        address tl = address(timelock);
        assertTrue(token.hasRole(token.DEFAULT_ADMIN_ROLE(), tl));
        assertTrue(token.hasRole(token.UPGRADER_ROLE(), tl));
        assertTrue(token.hasRole(token.MINTER_ROLE(), tl));
        assertFalse(token.hasRole(token.PAUSER_ROLE(), tl));

        assertTrue(token.hasRole(token.PAUSER_ROLE(), emergencySafe));
        assertFalse(token.hasRole(token.DEFAULT_ADMIN_ROLE(), emergencySafe));
        assertFalse(token.hasRole(token.UPGRADER_ROLE(), emergencySafe));
        assertFalse(token.hasRole(token.MINTER_ROLE(), emergencySafe));

        bytes32[4] memory roles = [
            token.DEFAULT_ADMIN_ROLE(),
            token.PAUSER_ROLE(),
            token.UPGRADER_ROLE(),
            token.MINTER_ROLE()
        ];
        for (uint256 i = 0; i < roles.length; i++) {
            assertFalse(token.hasRole(roles[i], deployer), "deployer keeps no role");
            assertFalse(token.hasRole(roles[i], opsSafe), "ops Safe acts only via the timelock");
            assertFalse(token.hasRole(roles[i], address(governor)), "governor acts via timelock");
        }
    }

    function test_RevertWhen_InitializeCalledTwice() public {
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        token.initialize("X", "X", CAP, stranger, stranger, stranger, 1);
    }

    function test_RevertWhen_ImplementationInitialized() public {
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        tokenImpl.initialize("X", "X", CAP, stranger, stranger, stranger, 1);
    }

    function test_RevertWhen_InitializeWithZeroTimelock() public {
        bytes memory init = abi.encodeCall(
            AuthorCoin.initialize, ("X", "X", CAP, address(0), emergencySafe, holder, 1)
        );
        vm.expectRevert(AuthorCoin.AuthorCoinZeroAddress.selector);
        new ERC1967Proxy(address(tokenImpl), init);
    }

    function test_RevertWhen_InitializeWithZeroPauser() public {
        bytes memory init = abi.encodeCall(
            AuthorCoin.initialize, ("X", "X", CAP, address(timelock), address(0), holder, 1)
        );
        vm.expectRevert(AuthorCoin.AuthorCoinZeroAddress.selector);
        new ERC1967Proxy(address(tokenImpl), init);
    }

    function test_RevertWhen_InitialSupplyExceedsCap() public {
        bytes memory init = abi.encodeCall(
            AuthorCoin.initialize, ("X", "X", 10, address(timelock), emergencySafe, holder, 11)
        );
        vm.expectRevert(
            abi.encodeWithSelector(ERC20CappedUpgradeable.ERC20ExceededCap.selector, 11, 10)
        );
        new ERC1967Proxy(address(tokenImpl), init);
    }

    // ---------------------------------------------------------------- pause

    function test_EmergencyCanPause() public {
        vm.prank(emergencySafe);
        token.pause();
        assertTrue(token.paused());
    }

    function test_RevertWhen_TransferWhilePaused() public {
        vm.prank(emergencySafe);
        token.pause();
        vm.prank(holder);
        vm.expectRevert(PausableUpgradeable.EnforcedPause.selector);
        // forge-lint: disable-next-line(erc20-unchecked-transfer)
        token.transfer(stranger, 1);
    }

    function test_RevertWhen_MintWhilePaused() public {
        vm.prank(emergencySafe);
        token.pause();
        vm.prank(address(timelock));
        vm.expectRevert(PausableUpgradeable.EnforcedPause.selector);
        token.mint(stranger, 1);
    }

    function test_RevertWhen_EmergencyUnpauses() public {
        vm.prank(emergencySafe);
        token.pause();
        _expectUnauthorized(emergencySafe, token.DEFAULT_ADMIN_ROLE());
        vm.prank(emergencySafe);
        token.unpause();
        assertTrue(token.paused());
    }

    function test_TimelockCanUnpause() public {
        vm.prank(emergencySafe);
        token.pause();
        _executeViaTimelock(address(token), 0, abi.encodeCall(AuthorCoin.unpause, ()));
        assertFalse(token.paused());

        vm.prank(holder);
        assertTrue(token.transfer(stranger, 1));
        assertEq(token.balanceOf(stranger), 1);
    }

    function test_RevertWhen_StrangerPauses() public {
        _expectUnauthorized(stranger, token.PAUSER_ROLE());
        vm.prank(stranger);
        token.pause();
    }

    function test_RevertWhen_OpsSafePausesDirectly() public {
        _expectUnauthorized(opsSafe, token.PAUSER_ROLE());
        vm.prank(opsSafe);
        token.pause();
    }

    function test_RevertWhen_StrangerUnpauses() public {
        vm.prank(emergencySafe);
        token.pause();
        _expectUnauthorized(stranger, token.DEFAULT_ADMIN_ROLE());
        vm.prank(stranger);
        token.unpause();
    }

    // ---------------------------------------------------------------- mint and cap

    function test_TimelockCanMint() public {
        _executeViaTimelock(address(token), 0, abi.encodeCall(AuthorCoin.mint, (recipient, 5e18)));
        assertEq(token.balanceOf(recipient), 5e18);
        assertEq(token.totalMinted(), 5e18);
        assertEq(token.totalSupply(), INITIAL_SUPPLY + 5e18);
    }

    function test_RevertWhen_StrangerMints() public {
        _expectUnauthorized(stranger, token.MINTER_ROLE());
        vm.prank(stranger);
        token.mint(stranger, 1);
    }

    function test_RevertWhen_EmergencyMints() public {
        _expectUnauthorized(emergencySafe, token.MINTER_ROLE());
        vm.prank(emergencySafe);
        token.mint(emergencySafe, 1);
    }

    function test_MintUpToCap() public {
        uint256 room = CAP - INITIAL_SUPPLY;
        vm.prank(address(timelock));
        token.mint(recipient, room);
        assertEq(token.totalSupply(), CAP);
        assertEq(token.totalMinted(), room);
    }

    function test_RevertWhen_MintExceedsCap() public {
        uint256 room = CAP - INITIAL_SUPPLY;
        vm.prank(address(timelock));
        vm.expectRevert(
            abi.encodeWithSelector(ERC20CappedUpgradeable.ERC20ExceededCap.selector, CAP + 1, CAP)
        );
        token.mint(recipient, room + 1);
    }

    function testFuzz_MintWithinCap(uint256 first, uint256 second) public {
        uint256 room = CAP - INITIAL_SUPPLY;
        first = bound(first, 0, room);
        second = bound(second, 0, room - first);

        vm.startPrank(address(timelock));
        token.mint(recipient, first);
        token.mint(stranger, second);
        vm.stopPrank();

        assertEq(token.totalMinted(), first + second);
        assertEq(token.totalSupply(), INITIAL_SUPPLY + first + second);
        assertLe(token.totalSupply(), token.cap());
    }

    function testFuzz_RevertWhen_MintPastCap(uint256 amount) public {
        uint256 room = CAP - INITIAL_SUPPLY;
        // Upper bound keeps totalSupply + amount from overflowing before the cap check.
        amount = bound(amount, room + 1, type(uint256).max - INITIAL_SUPPLY);
        vm.prank(address(timelock));
        vm.expectRevert(
            abi.encodeWithSelector(
                ERC20CappedUpgradeable.ERC20ExceededCap.selector, INITIAL_SUPPLY + amount, CAP
            )
        );
        token.mint(recipient, amount);
    }

    // ---------------------------------------------------------------- upgrade and roles

    function test_RevertWhen_StrangerUpgrades() public {
        AuthorCoinV2 v2 = new AuthorCoinV2();
        _expectUnauthorized(stranger, token.UPGRADER_ROLE());
        vm.prank(stranger);
        token.upgradeToAndCall(address(v2), "");
    }

    function test_RevertWhen_EmergencyUpgrades() public {
        AuthorCoinV2 v2 = new AuthorCoinV2();
        _expectUnauthorized(emergencySafe, token.UPGRADER_ROLE());
        vm.prank(emergencySafe);
        token.upgradeToAndCall(address(v2), "");
    }

    function test_RevertWhen_StrangerGrantsRole() public {
        bytes32 minter = token.MINTER_ROLE();
        _expectUnauthorized(stranger, token.DEFAULT_ADMIN_ROLE());
        vm.prank(stranger);
        token.grantRole(minter, stranger);
    }

    function test_RevertWhen_EmergencyGrantsRole() public {
        bytes32 pauser = token.PAUSER_ROLE();
        _expectUnauthorized(emergencySafe, token.DEFAULT_ADMIN_ROLE());
        vm.prank(emergencySafe);
        token.grantRole(pauser, stranger);
    }

    function test_TimelockCanGrantRole() public {
        bytes32 pauser = token.PAUSER_ROLE();
        _executeViaTimelock(address(token), 0, abi.encodeCall(token.grantRole, (pauser, recipient)));
        assertTrue(token.hasRole(pauser, recipient));
    }

    // ---------------------------------------------------------------- votes and permit

    function test_DelegatedVotesFollowTransfers() public {
        assertEq(token.getVotes(holder), INITIAL_SUPPLY - TREASURY_TOKENS);
        vm.prank(holder);
        assertTrue(token.transfer(stranger, 1e18));
        assertEq(token.getVotes(holder), INITIAL_SUPPLY - TREASURY_TOKENS - 1e18);
        assertEq(token.getVotes(stranger), 0, "undelegated balance carries no votes");
        vm.prank(stranger);
        token.delegate(stranger);
        assertEq(token.getVotes(stranger), 1e18);
    }

    function test_Permit() public {
        (address owner, uint256 key) = makeAddrAndKey("permitOwner");
        vm.prank(holder);
        assertTrue(token.transfer(owner, 10e18));

        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(
            abi.encode(PERMIT_TYPEHASH, owner, stranger, 3e18, token.nonces(owner), deadline)
        );
        bytes32 digest =
            keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);

        token.permit(owner, stranger, 3e18, deadline, v, r, s);
        assertEq(token.allowance(owner, stranger), 3e18);
        assertEq(token.nonces(owner), 1);
    }

    function _expectUnauthorized(address account, bytes32 role) internal {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, account, role
            )
        );
    }
}
