package dev.rampart.ui.adapters;

/**
 * One row of the Adapters screen: what kind of plug-in, the {@code type} a plan names, and where it was found
 * ("class path" or the jar's file name in the plug-in folder).
 */
public record AdapterRow(String kind, String type, String origin) {
}
