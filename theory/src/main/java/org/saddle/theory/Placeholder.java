package org.saddle.theory; final class Placeholder {}
