// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC1967} from "@openzeppelin/contracts/interfaces/IERC1967.sol";
import {ERC1967Utils} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Utils.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts/proxy/utils/UUPSUpgradeable.sol";
import {
    ERC20CappedUpgradeable
} from "@openzeppelin/contracts-upgradeable/token/ERC20/extensions/ERC20CappedUpgradeable.sol";

import {AuthorCoin} from "../../src/token/AuthorCoin.sol";
import {AuthorCoinV2} from "../../src/token/AuthorCoinV2.sol";
import {Base} from "../Base.t.sol";

/// @dev UUPS upgrade AuthorCoin → AuthorCoinV2 through the timelock, and V2 behaviour.
contract AuthorCoinV2Test is Base {
    uint256 internal constant LIMIT = 1_000_000e18;
    uint256 internal constant MINTED_BEFORE = 7e18;

    AuthorCoinV2 internal v2Impl;
    AuthorCoinV2 internal tokenV2;

    function setUp() public override {
        super.setUp();
        // V1 state that must survive the upgrade: a counted mint, a transfer, a pause flag off.
        vm.prank(address(timelock));
        token.mint(recipient, MINTED_BEFORE);
        vm.prank(holder);
        assertTrue(token.transfer(stranger, 3e18));
        vm.roll(block.number + 1);

        v2Impl = new AuthorCoinV2();
        tokenV2 = AuthorCoinV2(address(token));
    }

    function _upgrade(uint256 limit) internal {
        _executeViaTimelock(
            address(token),
            0,
            abi.encodeCall(
                UUPSUpgradeable.upgradeToAndCall,
                (address(v2Impl), abi.encodeCall(AuthorCoinV2.initializeV2, (limit)))
            )
        );
    }

    function test_UpgradeThroughTimelockPreservesState() public {
        uint256 holderBalance = token.balanceOf(holder);
        uint256 holderVotes = token.getVotes(holder);
        uint256 supply = token.totalSupply();

        vm.recordLogs();
        _upgrade(LIMIT);
        assertTrue(
            _hasLog(
                vm.getRecordedLogs(),
                address(token),
                IERC1967.Upgraded.selector,
                bytes32(uint256(uint160(address(v2Impl))))
            ),
            "Upgraded event"
        );

        assertEq(_implementationOf(address(token)), address(v2Impl));
        assertEq(tokenV2.version(), "2.0.0");
        assertEq(tokenV2.mintLimitPerCall(), LIMIT);

        assertEq(tokenV2.totalMinted(), MINTED_BEFORE, "plain slot kept");
        assertEq(tokenV2.totalSupply(), supply);
        assertEq(tokenV2.balanceOf(holder), holderBalance);
        assertEq(tokenV2.balanceOf(recipient), MINTED_BEFORE);
        assertEq(tokenV2.balanceOf(stranger), 3e18);
        assertEq(tokenV2.getVotes(holder), holderVotes);
        assertEq(tokenV2.cap(), CAP);
        assertEq(tokenV2.name(), "AuthorCoin");
        assertTrue(tokenV2.hasRole(tokenV2.MINTER_ROLE(), address(timelock)));
        assertTrue(tokenV2.hasRole(tokenV2.PAUSER_ROLE(), emergencySafe));
        assertEq(_initializedVersionOf(address(token)), 2);
    }

    function test_UpgradeThroughGovernance() public {
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _single(
            address(token),
            0,
            abi.encodeCall(
                UUPSUpgradeable.upgradeToAndCall,
                (address(v2Impl), abi.encodeCall(AuthorCoinV2.initializeV2, (LIMIT)))
            )
        );
        _executeViaGovernance(targets, values, calldatas, "Upgrade AuthorCoin to V2");

        assertEq(tokenV2.version(), "2.0.0");
        assertEq(tokenV2.mintLimitPerCall(), LIMIT);
        assertEq(tokenV2.totalMinted(), MINTED_BEFORE);
    }

    function test_MintWithinLimit() public {
        _upgrade(LIMIT);
        vm.prank(address(timelock));
        tokenV2.mint(recipient, LIMIT);
        assertEq(tokenV2.totalMinted(), MINTED_BEFORE + LIMIT);
    }

    function test_RevertWhen_MintAboveLimit() public {
        _upgrade(LIMIT);
        vm.expectRevert(
            abi.encodeWithSelector(
                AuthorCoinV2.AuthorCoinMintLimitExceeded.selector, LIMIT + 1, LIMIT
            )
        );
        vm.prank(address(timelock));
        tokenV2.mint(recipient, LIMIT + 1);
    }

    function test_ZeroLimitMeansNoLimit() public {
        _upgrade(0);
        uint256 room = CAP - tokenV2.totalSupply();
        vm.prank(address(timelock));
        tokenV2.mint(recipient, room);
        assertEq(tokenV2.totalSupply(), CAP);
    }

    function test_RevertWhen_MintWithinLimitExceedsCap() public {
        uint256 room = CAP - token.totalSupply();
        _upgrade(room + 10);
        vm.expectRevert(
            abi.encodeWithSelector(ERC20CappedUpgradeable.ERC20ExceededCap.selector, CAP + 1, CAP)
        );
        vm.prank(address(timelock));
        tokenV2.mint(recipient, room + 1);
    }

    function test_RevertWhen_StrangerMintsAboveLimit() public {
        _upgrade(LIMIT);
        // The role check runs before the limit check: strangers learn nothing about the limit.
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector,
                stranger,
                tokenV2.MINTER_ROLE()
            )
        );
        vm.prank(stranger);
        tokenV2.mint(stranger, LIMIT + 1);
    }

    function testFuzz_MintLimit(uint256 limit, uint256 amount) public {
        limit = bound(limit, 1, CAP);
        amount = bound(amount, 1, CAP - token.totalSupply());
        _upgrade(limit);

        if (amount > limit) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    AuthorCoinV2.AuthorCoinMintLimitExceeded.selector, amount, limit
                )
            );
        }
        vm.prank(address(timelock));
        tokenV2.mint(recipient, amount);
        assertEq(tokenV2.totalMinted(), MINTED_BEFORE + (amount > limit ? 0 : amount));
    }

    function test_RevertWhen_InitializeV2CalledTwice() public {
        _upgrade(LIMIT);
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        vm.prank(address(timelock));
        tokenV2.initializeV2(1);
    }

    function test_RevertWhen_StrangerInitializesV2() public {
        // Upgrade without the initializer call, then a stranger tries to set the limit.
        _executeViaTimelock(
            address(token),
            0,
            abi.encodeCall(UUPSUpgradeable.upgradeToAndCall, (address(v2Impl), ""))
        );
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector,
                stranger,
                tokenV2.DEFAULT_ADMIN_ROLE()
            )
        );
        vm.prank(stranger);
        tokenV2.initializeV2(type(uint256).max);
    }

    function test_RevertWhen_UpgradedWithoutTimelock() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector,
                opsSafe,
                token.UPGRADER_ROLE()
            )
        );
        vm.prank(opsSafe);
        token.upgradeToAndCall(address(v2Impl), "");
    }

    function test_RevertWhen_UpgradedToNonUUPSImplementation() public {
        // Treasury has no proxiableUUID: the ERC-1822 check must reject it, or the token bricks.
        vm.expectRevert(
            abi.encodeWithSelector(
                ERC1967Utils.ERC1967InvalidImplementation.selector, address(treasuryImpl)
            )
        );
        vm.prank(address(timelock));
        token.upgradeToAndCall(address(treasuryImpl), "");
    }

    function test_RevertWhen_V2ImplementationInitialized() public {
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        v2Impl.initializeV2(1);
    }
}
