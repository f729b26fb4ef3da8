// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Importing OpenZeppelin's proxies makes forge emit their artifacts
// (out/ERC1967Proxy.sol/ERC1967Proxy.json, out/BeaconProxy.sol/BeaconProxy.json, …) for the
// TypeScript deploy and upgrade builders, which deploy them unchanged.
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {BeaconProxy} from "@openzeppelin/contracts/proxy/beacon/BeaconProxy.sol";
import {UpgradeableBeacon} from "@openzeppelin/contracts/proxy/beacon/UpgradeableBeacon.sol";
import {ProxyAdmin} from "@openzeppelin/contracts/proxy/transparent/ProxyAdmin.sol";
import {
    TransparentUpgradeableProxy
} from "@openzeppelin/contracts/proxy/transparent/TransparentUpgradeableProxy.sol";

/// @title StoryProxies
/// @dev Empty anchor: for a file that defines nothing, forge's lint-on-build step warns
/// "AST source not found". Nothing deploys it.
library StoryProxies {}
