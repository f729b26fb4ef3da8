// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AuthorCoin} from "./AuthorCoin.sol";

/// @title AuthorCoinV2
/// @notice AuthorCoin with a per-call mint limit.
/// @dev Inherits AuthorCoin so the V1 layout is kept by construction; `mintLimitPerCall` is
/// appended after `totalMinted` (slot 1). Upgrade with
/// `upgradeToAndCall(v2, abi.encodeCall(AuthorCoinV2.initializeV2, (limit)))` from the timelock.
/// @custom:oz-upgrades-from src/token/AuthorCoin.sol:AuthorCoin
contract AuthorCoinV2 is AuthorCoin {
    /// @notice Largest amount a single {mint} may create; zero means no limit.
    uint256 public mintLimitPerCall;

    /// @notice A single mint asked for more than the per-call limit.
    /// @param amount The requested amount.
    /// @param limit The current per-call limit.
    error AuthorCoinMintLimitExceeded(uint256 amount, uint256 limit);

    /// @notice Sets up the V2 state once, after the upgrade.
    /// @dev DEFAULT_ADMIN_ROLE only: inside `upgradeToAndCall` from the timelock `msg.sender`
    /// is the timelock, and nobody else can front-run a non-atomic upgrade.
    /// @param mintLimitPerCall_ The per-call mint limit; zero disables it.
    function initializeV2(uint256 mintLimitPerCall_)
        external
        reinitializer(2)
        onlyRole(DEFAULT_ADMIN_ROLE)
    {
        mintLimitPerCall = mintLimitPerCall_;
    }

    /// @dev Adds the per-call limit to {mint}; the MINTER_ROLE check has already run.
    function _mintCounted(address to, uint256 amount) internal virtual override {
        uint256 limit = mintLimitPerCall;
        if (limit != 0 && amount > limit) revert AuthorCoinMintLimitExceeded(amount, limit);
        super._mintCounted(to, amount);
    }

    /// @notice Implementation version.
    /// @return "2.0.0".
    function version() external pure virtual override returns (string memory) {
        return "2.0.0";
    }
}
