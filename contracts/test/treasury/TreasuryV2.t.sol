// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {BeaconProxy} from "@openzeppelin/contracts/proxy/beacon/BeaconProxy.sol";
import {UpgradeableBeacon} from "@openzeppelin/contracts/proxy/beacon/UpgradeableBeacon.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {Treasury} from "../../src/treasury/Treasury.sol";
import {TreasuryV2} from "../../src/treasury/TreasuryV2.sol";
import {Base} from "../Base.t.sol";

/// @dev Beacon upgrade Treasury → TreasuryV2 through the timelock, and V2 behaviour.
contract TreasuryV2Test is Base {
    uint256 internal constant LIMIT = 5 ether;

    TreasuryV2 internal v2Impl;
    TreasuryV2 internal treasuryV2;
    Treasury internal secondTreasury;

    function setUp() public override {
        super.setUp();
        // V1 state that must survive the upgrade.
        vm.startPrank(address(timelock));
        treasury.withdrawETH(payable(recipient), 1 ether);
        treasury.transferToken(IERC20(address(token)), recipient, 10e18);
        vm.stopPrank();

        secondTreasury = Treasury(
            payable(address(
                    new BeaconProxy(
                        address(treasuryBeacon),
                        abi.encodeCall(Treasury.initialize, (address(timelock)))
                    )
                ))
        );

        v2Impl = new TreasuryV2();
        treasuryV2 = TreasuryV2(payable(address(treasury)));
    }

    /// @dev One timelock batch: repoint the beacon, then initialize V2 state on the proxy.
    function _upgrade(uint256 limit) internal {
        address[] memory targets = new address[](2);
        uint256[] memory values = new uint256[](2);
        bytes[] memory payloads = new bytes[](2);
        targets[0] = address(treasuryBeacon);
        payloads[0] = abi.encodeCall(UpgradeableBeacon.upgradeTo, (address(v2Impl)));
        targets[1] = address(treasury);
        payloads[1] = abi.encodeCall(TreasuryV2.initializeV2, (limit));
        _executeBatchViaTimelock(targets, values, payloads);
    }

    function test_BeaconUpgradeThroughTimelockPreservesState() public {
        uint256 ethBefore = address(treasury).balance;
        uint256 tokensBefore = token.balanceOf(address(treasury));

        vm.recordLogs();
        _upgrade(LIMIT);
        assertTrue(
            _hasLog(
                vm.getRecordedLogs(),
                address(treasuryBeacon),
                UpgradeableBeacon.Upgraded.selector,
                bytes32(uint256(uint160(address(v2Impl))))
            ),
            "Upgraded event"
        );

        assertEq(treasuryBeacon.implementation(), address(v2Impl));
        assertEq(treasuryV2.version(), "2.0.0");
        assertEq(treasuryV2.dailyLimit(), LIMIT);
        assertEq(treasuryV2.withdrawalCount(), 2, "plain slot kept");
        assertEq(treasuryV2.owner(), address(timelock));
        assertEq(_initializedVersionOf(address(treasury)), 2);
        assertEq(address(treasury).balance, ethBefore);
        assertEq(token.balanceOf(address(treasury)), tokensBefore);
    }

    function test_BeaconUpgradeReachesEveryProxy() public {
        _upgrade(LIMIT);
        TreasuryV2 second = TreasuryV2(payable(address(secondTreasury)));
        assertEq(second.version(), "2.0.0");
        assertEq(second.dailyLimit(), 0, "each proxy initializes its own V2 state");
        assertEq(second.owner(), address(timelock));

        _executeViaTimelock(address(second), 0, abi.encodeCall(TreasuryV2.initializeV2, (1 ether)));
        assertEq(second.dailyLimit(), 1 ether);
    }

    function test_UpgradeThroughGovernance() public {
        address[] memory targets = new address[](2);
        uint256[] memory values = new uint256[](2);
        bytes[] memory calldatas = new bytes[](2);
        targets[0] = address(treasuryBeacon);
        calldatas[0] = abi.encodeCall(UpgradeableBeacon.upgradeTo, (address(v2Impl)));
        targets[1] = address(treasury);
        calldatas[1] = abi.encodeCall(TreasuryV2.initializeV2, (LIMIT));
        _executeViaGovernance(targets, values, calldatas, "Upgrade Treasury to V2");

        assertEq(treasuryV2.version(), "2.0.0");
        assertEq(treasuryV2.dailyLimit(), LIMIT);
        assertEq(treasuryV2.withdrawalCount(), 2);
    }

    function test_WithdrawAtLimit() public {
        _upgrade(LIMIT);
        vm.prank(address(timelock));
        treasuryV2.withdrawETH(payable(recipient), LIMIT);
        assertEq(recipient.balance, 1 ether + LIMIT);
        assertEq(treasuryV2.withdrawalCount(), 3);
    }

    function test_RevertWhen_WithdrawAboveLimit() public {
        _upgrade(LIMIT);
        vm.expectRevert(
            abi.encodeWithSelector(TreasuryV2.TreasuryDailyLimitExceeded.selector, LIMIT + 1, LIMIT)
        );
        vm.prank(address(timelock));
        treasuryV2.withdrawETH(payable(recipient), LIMIT + 1);
    }

    function test_ZeroLimitMeansNoLimit() public {
        _upgrade(0);
        uint256 all = address(treasury).balance;
        vm.prank(address(timelock));
        treasuryV2.withdrawETH(payable(recipient), all);
        assertEq(address(treasury).balance, 0);
    }

    function test_LimitDoesNotApplyToTokens() public {
        _upgrade(1);
        vm.prank(address(timelock));
        treasuryV2.transferToken(IERC20(address(token)), recipient, 1000e18);
        assertEq(token.balanceOf(recipient), 1010e18);
    }

    function test_RevertWhen_StrangerWithdrawsAboveLimit() public {
        _upgrade(LIMIT);
        // The owner check runs before the limit check.
        vm.expectRevert(
            abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger)
        );
        vm.prank(stranger);
        treasuryV2.withdrawETH(payable(stranger), LIMIT + 1);
    }

    function testFuzz_WithdrawLimit(uint256 limit, uint256 amount) public {
        limit = bound(limit, 1, 200 ether);
        amount = bound(amount, 1, address(treasury).balance);
        _upgrade(limit);

        if (amount > limit) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    TreasuryV2.TreasuryDailyLimitExceeded.selector, amount, limit
                )
            );
        }
        vm.prank(address(timelock));
        treasuryV2.withdrawETH(payable(stranger), amount);
        assertEq(stranger.balance, amount > limit ? 0 : amount);
    }

    function test_RevertWhen_InitializeV2CalledTwice() public {
        _upgrade(LIMIT);
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        vm.prank(address(timelock));
        treasuryV2.initializeV2(1);
    }

    function test_RevertWhen_StrangerInitializesV2() public {
        _executeViaTimelock(
            address(treasuryBeacon),
            0,
            abi.encodeCall(UpgradeableBeacon.upgradeTo, (address(v2Impl)))
        );
        vm.expectRevert(
            abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger)
        );
        vm.prank(stranger);
        treasuryV2.initializeV2(type(uint256).max);
    }

    function test_RevertWhen_BeaconUpgradedToNonContract() public {
        vm.expectRevert(
            abi.encodeWithSelector(UpgradeableBeacon.BeaconInvalidImplementation.selector, stranger)
        );
        vm.prank(address(timelock));
        treasuryBeacon.upgradeTo(stranger);
    }
}
